/**
 * The audit log as the UI reads it, and the one entry a component makes: a clue opened. Every
 * other entry is written where the thing it records happens (the repositories, the package and
 * document flows, Vault.tsx).
 */
import { useEffect, useRef } from 'react';
import type { Actor } from '../db';
import { useRepos } from '../app/session';
import { useLive } from './live';
import { useDeviceId } from './device';
import { useCurrentMember } from './members';

/** The case's log as this member may read it (all of it for the 组长), newest first. */
export function useAuditLog(caseId: string) {
  const repos = useRepos();
  const deviceId = useDeviceId();
  const memberId = useCurrentMember(caseId)?.id;
  return useLive(
    () => repos.audit.list(caseId, { deviceId, memberId }),
    [caseId, deviceId, memberId],
  );
}

/**
 * Notes in the audit log that this member opened the clue: once per opening (the component that
 * shows it mounting), however often it renders.
 */
export function useClueOpened(clueId: string, actor: Actor): void {
  const repos = useRepos();
  const noted = useRef<string | null>(null);
  const { deviceId, memberId } = actor;
  useEffect(() => {
    if (noted.current === clueId) return;
    noted.current = clueId;
    // Not noted when it cannot be read (the drawer then says so) or written (a full disk).
    void repos.clues.opened(clueId, { deviceId, memberId }).catch(() => {});
  }, [repos, clueId, deviceId, memberId]);
}
