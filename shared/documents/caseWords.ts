/** The phrases every document of a case writes the same way: its unit, team, period, signature. */
import type { CaseFields } from '../domain/case.schema';
import { chineseDate, type IsoDate } from '../domain/dates';
import { zh } from '../i18n/zh-CN';
import type { DocumentCase } from './input';

const PARTY_BODY = /(党委|党组|党工委|党总支|党支部|党组织)$/;

/** 对……党组织: a unit already named by its party body is not named twice. */
export const unitParty = (unitName: string) =>
  PARTY_BODY.test(unitName) ? unitName : `${unitName}党组织`;

export function caseWords(c: CaseFields, today: IsoDate) {
  const committee = c.committee || '县委';
  const team = c.teamName || '巡察组';
  const signature = team.startsWith(committee) ? team : `${committee}${team}`;
  const sameYear = c.startDate.slice(0, 4) === c.endDate.slice(0, 4);
  const end = sameYear ? chineseDate(c.endDate).replace(/^\d+年/, '') : chineseDate(c.endDate);
  return {
    committee,
    unitParty: unitParty(c.unitName),
    signature,
    period: `${chineseDate(c.startDate)}至${end}`,
    type: zh.case.types[c.type],
    mandate: c.mandate || `根据${committee}巡察工作统一部署`,
    addressee: `${committee}巡察工作领导小组：`,
    date: chineseDate(today),
  };
}

/** The work sentence of 基本情况, from the same figures as the dashboard. */
export function workSentence(input: DocumentCase): string {
  const s = input.stats;
  const immediate = input.findings.filter((f) => f.status === 'confirmed' && f.immediate).length;
  return (
    `巡察期间，巡察组个别谈话${s.interviewPeople}人次，查阅资料${s.docReviews}份，` +
    `实地走访${s.siteVisits}处，受理信访${s.petitions}件，` +
    // 数据比对 is quoted only where it was done.
    (s.compare.hits > 0
      ? `开展数据比对发现疑点${s.compare.hits}个、核实属实${s.compare.verified}个，`
      : '') +
    `发现问题${s.confirmedFindings}个` +
    `（其中立行立改${immediate}个），移交问题线索${input.handover.clues}件${input.handover.people}人。`
  );
}
