import { useLive } from './live';
import type { MemberInput, MemberRecord } from '../../shared/domain/member.schema';
import type { Loose } from '../../shared/domain/validation';
import type { Actor } from '../db';
import { useRepos } from '../app/session';
import { useDeviceId } from './device';
import { zh } from '../../shared/i18n/zh-CN';

/** The current team of a case, 组长 first; undefined while loading. */
export function useMembers(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.members.list(caseId), [caseId]);
}

/** Everyone who was ever on the team, so records keep showing the names they were signed with. */
export function useEveryone(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.members.everyone(caseId), [caseId]);
}

/** The member using this laptop for this case, if one is chosen and still on the team. */
export function useCurrentMember(caseId: string): MemberRecord | undefined {
  const repos = useRepos();
  return useLive(async () => {
    const id = await repos.settings.currentMember(caseId);
    const team = await repos.members.list(caseId);
    return team.find((m) => m.id === id);
  }, [caseId]);
}

export function useActor(caseId: string): Actor | undefined {
  const deviceId = useDeviceId();
  const member = useCurrentMember(caseId);
  return member ? { deviceId, memberId: member.id } : undefined;
}

export function useMemberMutations(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  return {
    canWrite: actor !== undefined,
    add: (input: Loose<MemberInput>) => repos.members.add(caseId, input, requireActor(actor)),
    update: (id: string, input: Loose<MemberInput>) =>
      repos.members.update(id, input, requireActor(actor)),
    remove: (id: string) => repos.members.remove(id, requireActor(actor)),
    setCurrent: (memberId: string) => repos.settings.setCurrentMember(caseId, memberId),
  };
}

export function requireActor<T>(actor: T | undefined): T {
  // The UI disables writing until a current member is chosen; this is the last line of defence.
  if (!actor) throw new Error(zh.member.chooseCurrentFirst);
  return actor;
}
