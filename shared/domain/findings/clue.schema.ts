/**
 * 问题线索: an allegation about a person, to be handed on (纪委监委, 组织部 …). Clues are the most
 * sensitive thing in a case: only the 组长 and the member who registered a clue may read it, and
 * the repository enforces that (canSeeClue), not just the screen.
 */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { choice, optionalText } from '../text';
import { longText } from '../records/common';
import type { MemberRole } from '../member.schema';
import type { Stored } from '../record';
import { evidenceRef } from './finding.schema';

export const CLUE_SOURCES = [
  'interview',
  'petition',
  'docReview',
  'comparison',
  'siteVisit',
] as const;
export const CLUE_HANDLINGS = [
  'discipline',
  'organization',
  'department',
  'pending',
  'closed',
] as const;

const f = zh.clue.fields;

export const clueFields = z.object({
  subjectName: optionalText(f.subjectName, 50),
  subjectTitle: optionalText(f.subjectTitle, 100),
  subjectUnit: optionalText(f.subjectUnit, 100),
  allegation: longText(f.allegation),
  source: choice(CLUE_SOURCES, f.source).default('interview'),
  handling: choice(CLUE_HANDLINGS, f.handling).default('pending'),
  confidentiality: optionalText(f.confidentiality, 2000),
  evidence: z.array(evidenceRef).max(500).default([]),
});

export type ClueFields = z.output<typeof clueFields>;
export type ClueRecord = Stored<ClueFields>;

/** Only the 组长, or the member who registered the clue. */
export function canSeeClue(clue: { createdBy: string }, viewer: { id: string; role: MemberRole }) {
  return viewer.role === 'leader' || clue.createdBy === viewer.id;
}

export function clueMissing(values: ClueFields): Record<string, string> {
  const out: Record<string, string> = {};
  if (values.subjectName === '') out.subjectName = zh.clue.needSubject;
  if (values.allegation.trim() === '') out.allegation = zh.clue.needAllegation;
  return out;
}
