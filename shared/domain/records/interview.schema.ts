/** 谈话记录: an interview, its people, and its body as 问/答 turns. */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { choice, optionalText } from '../text';
import type { Stored } from '../record';
import {
  blanks,
  focusCodes,
  freeTags,
  longText,
  memberRef,
  memberRefs,
  pastDate,
  rule,
  timeOfDay,
  type RecordSpec,
  perDay,
} from './common';

export const INTERVIEW_KINDS = ['individual', 'oneOnOne', 'group', 'extended', 'special'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

export const SPEAKERS = ['q', 'a'] as const;
export type Speaker = (typeof SPEAKERS)[number];

const f = zh.interview.fields;

export const interviewee = z.object({
  name: optionalText(f.intervieweeName, 20),
  unit: optionalText(f.intervieweeUnit, 100),
  title: optionalText(f.intervieweeTitle, 50),
  political: optionalText(f.intervieweePolitical, 20),
});
export type Interviewee = z.output<typeof interviewee>;

/**
 * One 问 or 答. Turns are written one by one (collections.ts): the id is stable and `pos` is a
 * fractional key (order.ts), so two laptops editing or adding different turns merge cleanly.
 */
export const turn = z.object({
  id: z.string().min(1).max(40),
  pos: z.string().max(200).default(''),
  speaker: z.enum(SPEAKERS),
  text: longText(f.turns),
});
export type Turn = z.output<typeof turn>;

/**
 * 补充笔录: once a 笔录 is signed it is not edited; a correction or addition is written as a
 * supplement, dated, and printed after the 笔录 it corrects.
 */
export const supplement = z.object({
  id: z.string().min(1).max(40),
  pos: z.string().max(200).default(''),
  date: z.string().max(10).default(''),
  text: longText(f.supplements),
});
export type Supplement = z.output<typeof supplement>;

/** What may still change on a signed 笔录: its supplements, and the labels the team files it by. */
export const SIGNED_EDITABLE: ReadonlySet<string> = new Set(['supplements', 'focus', 'tags']);

export function interviewFields(today: string) {
  return z.object({
    kind: choice(INTERVIEW_KINDS, f.kind).default('individual'),
    date: pastDate(f.date, today),
    startTime: timeOfDay(f.startTime),
    endTime: timeOfDay(f.endTime),
    place: optionalText(f.place, 100),
    interviewers: memberRefs,
    recorder: memberRef,
    interviewees: z.array(interviewee).max(200).default([]),
    topics: z.array(z.string().trim().max(200)).max(50).default([]),
    turns: z.array(turn).max(10_000).default([]),
    confirmed: z.boolean().default(false),
    /** 已签字: the interviewee signed the 笔录; its content is final from then on. */
    signed: z.boolean().default(false),
    supplements: z.array(supplement).max(1000).default([]),
    focus: focusCodes,
    tags: freeTags,
  });
}

export type InterviewFields = z.output<ReturnType<typeof interviewFields>>;
export type InterviewRecord = Stored<InterviewFields>;

export const interviewSpec: RecordSpec<ReturnType<typeof interviewFields>> = {
  kind: 'interviews',
  fields: perDay(interviewFields),
  defaults: ({ today, memberId }) => ({
    kind: 'individual',
    date: today,
    interviewers: [memberId],
    recorder: memberId,
    interviewees: [{ name: '', unit: '', title: '', political: '' }],
  }),
  cross: (v) =>
    rule(
      v.startTime !== '' && v.endTime !== '' && v.endTime < v.startTime,
      ['startTime', 'endTime'],
      zh.interview.endBeforeStart,
    ),
  missing: (v) =>
    blanks({
      date: [v.date === '', zh.validation.required(f.date)],
      interviewers: [v.interviewers.length === 0, zh.interview.needInterviewer],
      interviewees: [!v.interviewees.some((p) => p.name !== ''), zh.interview.needInterviewee],
    }),
  content: ['place', 'startTime', 'endTime', 'interviewees', 'topics', 'turns', 'focus', 'tags'],
  title: (v) => {
    const people = v.interviewees.filter((p) => p.name);
    const [only] = people;
    if (people.length === 1 && only) {
      const role = `${only.unit}${only.title}`;
      return role ? `${only.name}（${role}）` : only.name;
    }
    const names = people
      .slice(0, 3)
      .map((p) => p.name)
      .join('、');
    return people.length > 3 ? `${names}等${people.length}人` : names;
  },
  date: (v) => v.date,
  frozen: (v) =>
    v.signed ? { editable: SIGNED_EDITABLE, reason: zh.interview.signedReadOnly } : undefined,
  subKind: (v) => v.kind,
  members: (v) => [...new Set([...v.interviewers, v.recorder].filter(Boolean))],
  headcount: (v) => v.interviewees.filter((p) => p.name !== '').length,
  text: (v) =>
    [
      v.place,
      ...v.interviewees.flatMap((p) => [p.name, p.unit, p.title]),
      ...v.topics,
      ...v.turns.map(
        (t) => `${t.speaker === 'q' ? zh.interview.question : zh.interview.answer}：${t.text}`,
      ),
      ...v.supplements.map((s) => s.text),
      ...v.tags,
    ]
      .filter(Boolean)
      .join('\n'),
};
