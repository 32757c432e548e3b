import { createContext, use } from 'react';
import type { Repositories } from '../db';

/**
 * The repositories of the open session. They exist only while the data is open (made by
 * openRepositories at start, and after unlock once the data is protected), and reach the UI
 * only through this context: nothing can touch the database before it is opened.
 */
export const RepositoriesContext = createContext<Repositories | null>(null);

/** Locks the app now (Vault.tsx): the 锁定 button and its shortcut call it. */
export const LockContext = createContext<() => Promise<void>>(async () => {});

export function useLock(): () => Promise<void> {
  return use(LockContext);
}

export function useRepos(): Repositories {
  const repos = use(RepositoriesContext);
  if (!repos) throw new Error('repositories used outside an open session');
  return repos;
}
