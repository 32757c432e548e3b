import { createContext, use } from 'react';
import type { Repositories } from '../db';
import type { LockReason } from '../../shared/domain/audit.schema';

/**
 * The repositories of the open session. They exist only while the data is open (made by
 * openRepositories at start, and after unlock once the data is protected), and reach the UI
 * only through this context: nothing can touch the database before it is opened.
 */
export const RepositoriesContext = createContext<Repositories | null>(null);

/** Locks the app now (Vault.tsx): the 锁定 button and its shortcut call it, saying which. */
export const LockContext = createContext<(reason?: LockReason) => Promise<void>>(async () => {});

export function useLock(): (reason?: LockReason) => Promise<void> {
  return use(LockContext);
}

export function useRepos(): Repositories {
  const repos = use(RepositoriesContext);
  if (!repos) throw new Error('repositories used outside an open session');
  return repos;
}

/**
 * Destroys a case's key in the keyring (巡后清退, Vault.tsx): after it, nothing of the case on
 * this laptop can be opened again.
 */
export const EraseCaseKeyContext = createContext<(caseId: string) => Promise<void>>(async () => {
  throw new Error('no open session');
});

export function useEraseCaseKey(): (caseId: string) => Promise<void> {
  return use(EraseCaseKeyContext);
}
