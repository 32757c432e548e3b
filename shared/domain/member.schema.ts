/** 巡察组成员: the people of one case's team. */
import { z } from './zod';
import { zh } from '../i18n/zh-CN';
import { choice, optionalText, requiredText } from './text';
import type { Stored } from './record';

/** An X25519 age recipient: `age1` and 58 Bech32 characters. */
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

export const MEMBER_ROLES = ['leader', 'deputy', 'member', 'liaison'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

const f = zh.member.fields;

export const memberFieldsSchema = z.object({
  name: requiredText(f.name, 20),
  role: choice(MEMBER_ROLES, f.role),
  title: optionalText(f.title, 100),
  phone: optionalText(f.phone, 30).refine((p) => p === '' || /^[0-9][0-9 -]{2,}$/.test(p), {
    error: zh.validation.phone,
  }),
  /**
   * The public key (age recipient) of the laptop this member works on, once it joined the case:
   * packages for this member are encrypted to it. Absent until then.
   */
  recipient: z.string().regex(AGE_RECIPIENT, { error: zh.laptopKey.badRecipient }).optional(),
});

export type MemberFields = z.output<typeof memberFieldsSchema>;
export type MemberInput = z.input<typeof memberFieldsSchema>;
export type MemberRecord = Stored<MemberFields>;

/**
 * Team rules that need the whole team: one 组长, no two members with the same name
 * (records are signed by name, so two 张伟 would make evidence ambiguous).
 * Returns field errors, empty when the member fits.
 */
export function teamConflicts(
  candidate: MemberFields,
  team: readonly MemberRecord[],
  selfId?: string,
): Record<string, string> {
  const others = team.filter((m) => !m.deleted && m.id !== selfId);
  const errors: Record<string, string> = {};
  const leader = others.find((m) => m.role === 'leader');
  if (candidate.role === 'leader' && leader) errors.role = zh.validation.oneLeader(leader.name);
  if (others.some((m) => m.name === candidate.name)) {
    errors.name = zh.validation.duplicateMember(candidate.name);
  }
  return errors;
}
