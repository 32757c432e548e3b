/** 实地走访: a visit on site, often unannounced (四不两直); photos are attachments. */
import { z } from '../zod';
import { zh } from '../../i18n/zh-CN';
import { optionalText, writtenText } from '../text';
import type { Stored } from '../record';
import {
  blanks,
  focusCodes,
  freeTags,
  longText,
  memberRefs,
  pastDate,
  type RecordSpec,
  perDay,
} from './common';

const f = zh.siteVisit.fields;

export function siteVisitFields(today: string) {
  return z.object({
    place: optionalText(f.place, 200),
    date: pastDate(f.date, today),
    unannounced: z.boolean().default(false),
    participants: memberRefs,
    peopleMet: writtenText(f.peopleMet, 2000),
    observations: longText(f.observations),
    focus: focusCodes,
    tags: freeTags,
  });
}

export type SiteVisitFields = z.output<ReturnType<typeof siteVisitFields>>;
export type SiteVisitRecord = Stored<SiteVisitFields>;

export const siteVisitSpec: RecordSpec<ReturnType<typeof siteVisitFields>> = {
  kind: 'siteVisits',
  fields: perDay(siteVisitFields),
  defaults: ({ today, memberId }) => ({ date: today, participants: [memberId] }),
  cross: () => ({}),
  missing: (v) =>
    blanks({
      place: [v.place === '', zh.validation.required(f.place)],
      date: [v.date === '', zh.validation.required(f.date)],
    }),
  content: ['place', 'unannounced', 'peopleMet', 'observations', 'focus', 'tags'],
  title: (v) => v.place,
  date: (v) => v.date,
  subKind: (v) => (v.unannounced ? 'unannounced' : 'announced'),
  members: (v) => v.participants,
  headcount: () => 0,
  text: (v) => [v.place, v.peopleMet, v.observations, ...v.tags].filter(Boolean).join('\n'),
};
