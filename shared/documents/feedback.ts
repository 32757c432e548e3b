/**
 * 反馈意见 (draft): what the team tells the inspected unit. The mandate and dates, 一、总体评价
 * 二、巡察发现的主要问题 三、意见建议, and the request for the 整改 report within three months.
 */
import type { Document } from 'docx';
import type { CaseFields } from '../domain/case.schema';
import { caseWords, unitParty } from './caseWords';
import { addressee, blank, body, signature, heading1, officialDocument, title } from './format';
import type { DocumentCase } from './input';
import { problemParagraphs } from './problems';
import { texts } from './report';

export function feedbackTitle(c: Pick<CaseFields, 'unitName'>) {
  return `关于对${unitParty(c.unitName)}巡察情况的反馈意见`;
}

export function feedbackOpinion(input: DocumentCase): Document {
  const w = caseWords(input.caseRecord, input.today);
  const c = input.caseRecord;
  const name = feedbackTitle(c);
  return officialDocument(name, [
    title(name),
    blank(),
    addressee(`${w.unitParty}：`),
    body(
      `${w.mandate}，${w.signature}于${w.period}对${w.unitParty}开展了${w.type}。` +
        `巡察组坚持以习近平新时代中国特色社会主义思想为指导，通过个别谈话、查阅资料、实地走访、受理信访等方式，` +
        `深入了解有关情况。${w.committee}巡察工作领导小组听取了巡察情况汇报。现将巡察情况反馈如下。`,
    ),
    heading1('一、总体评价'),
    ...texts(c.feedbackEvaluation),
    heading1('二、巡察发现的主要问题'),
    ...problemParagraphs(input, 'feedback'),
    heading1('三、意见建议'),
    ...texts(c.reportSuggestions),
    body(
      `请${w.unitParty}认真研究巡察反馈意见，制定整改方案，在收到反馈意见后3个月内，` +
        `将整改情况报告报送${w.committee}巡察工作领导小组办公室。`,
    ),
    ...signature(w.signature, w.date),
  ]);
}
