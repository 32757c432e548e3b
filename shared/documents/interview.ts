/**
 * 谈话笔录, one per interview (DESIGN §9): the header, the 告知, 问：/答： as said, any 补充笔录,
 * and the closing the interviewee writes and signs. Every page carries 第 X 页 共 Y 页 and a line
 * for the interviewee's signature, because each page is signed.
 */
import type { Document, Paragraph } from 'docx';
import { chineseDate } from '../domain/dates';
import type { InterviewRecord } from '../domain/records/interview.schema';
import { zh } from '../i18n/zh-CN';
import { caseWords } from './caseWords';
import {
  blank,
  body,
  bold,
  closing,
  flush,
  keptTogether,
  newPage,
  officialDocument,
  run,
  title,
} from './format';
import type { DocumentCase } from './input';
import { chineseTime, paragraphsOf } from './words';

/** The standard 告知; a case may keep its own ({巡察组} and {单位} are filled in). */
export const STANDARD_NOTICE =
  '我们是{巡察组}的工作人员。根据{派出党委}巡察工作统一部署，{巡察组}正在对{单位}开展巡察。' +
  '今天找你谈话，是为了了解有关情况。请你实事求是、客观公正地反映情况，对所反映问题的真实性负责；' +
  '谈话内容请你注意保密，不得向他人透露。你听清楚了吗？';

/** Why the app warns before exporting a 笔录 (none: it is complete). */
export function interviewWarnings(interview: Pick<InterviewRecord, 'interviewers'>): string[] {
  const n = new Set(interview.interviewers.filter(Boolean)).size;
  return n < 2 ? [zh.interview.fewInterviewers(n)] : [];
}

export function interviewTitle(interview: Pick<InterviewRecord, 'interviewees'>) {
  const names = interview.interviewees.map((p) => p.name).filter(Boolean);
  return `谈话笔录（${names.join('、') || '未填写'}）`;
}

export function interviewRecord(input: DocumentCase, interview: InterviewRecord): Document {
  const w = caseWords(input.caseRecord, input.today);
  const nameOf = new Map(input.members.map((m) => [m.id, m.name]));
  const names = (ids: readonly string[]) =>
    [...new Set(ids)]
      .map((id) => nameOf.get(id) ?? '')
      .filter(Boolean)
      .join('、');
  const v = interview;
  const from = chineseTime(v.startTime);
  const to = chineseTime(v.endTime);
  const time = `${chineseDate(v.date)}${from}${to ? `至${to}` : ''}`;
  const notice = (input.caseRecord.noticeTemplate || STANDARD_NOTICE)
    .replaceAll('{巡察组}', w.signature)
    .replaceAll('{派出党委}', w.committee)
    .replaceAll('{单位}', w.unitParty);
  const people = v.interviewees.filter((p) => p.name);
  const line = (label: string, value: string) => flush([bold(`${label}：`), run(value)]);
  return officialDocument(
    interviewTitle(v),
    [
      title('谈话笔录'),
      blank(),
      line('时间', time),
      line('地点', v.place),
      line('谈话人', names(v.interviewers)),
      line('记录人', names([v.recorder])),
      ...(people.length > 0 ? people : [{ name: '', unit: '', title: '' }]).map((p) =>
        line('被谈话人', [p.name, p.unit, p.title].filter(Boolean).join('，')),
      ),
      // A 告知 already recorded as the first 问 is not printed twice.
      ...(TOLD.test(v.turns[0]?.text ?? '') ? [] : [body([bold('告知：'), run(notice)])]),
      ...v.turns.flatMap((t) =>
        said(t.speaker === 'q' ? `${zh.interview.question}：` : `${zh.interview.answer}：`, t.text),
      ),
      ...signatures(READ_AND_AGREED.test(v.turns.at(-1)?.text ?? '')),
      // Each 补充笔录 on a page of its own, signed on its own: the pages already signed stay
      // as they were signed.
      ...v.supplements.flatMap((s) => [
        newPage(zh.interview.supplementTitle(chineseDate(s.date))),
        blank(),
        ...paragraphsOf(s.text).map((p) => body(p)),
        ...signatures(false),
      ]),
    ],
    { numbering: 'pageOfTotal', signLine: '被谈话人签名：' },
  );
}

const TOLD = /听清楚了吗|如实(反映|说明|回答)/;
const READ_AND_AGREED = /以上(笔录|内容)我已(看过|阅读)/;

/** The closing the interviewee writes, and the three signatures with a date, on one page. */
function signatures(closingRecorded: boolean): Paragraph[] {
  return keptTogether(
    blank(),
    ...(closingRecorded ? [] : [body('以上笔录我已看过，与我说的一致。'), blank()]),
    flush('被谈话人（签名）：'),
    flush('谈话人（签名）：'),
    flush('记录人（签名）：'),
    closing('年　　月　　日'),
  );
}

/** One turn: its label in bold at the head of its first paragraph. */
function said(label: string, text: string): Paragraph[] {
  const [first = '', ...rest] = paragraphsOf(text);
  return [body([bold(label), run(first)]), ...rest.map((p) => body(p))];
}
