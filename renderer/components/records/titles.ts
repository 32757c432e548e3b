import type { RecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';

/** The name of each kind of record, as the navigation and page titles say it. */
export const RECORD_TITLES: Record<RecordKind, string> = {
  interviews: zh.interview.title,
  docReviews: zh.docReview.title,
  siteVisits: zh.siteVisit.title,
  petitions: zh.petition.title,
};

/** Labels of each kind's sub-types (谈话类型, 资料类别, 来源渠道…), for lists and filters. */
export const SUB_KIND_LABELS: Record<RecordKind, Readonly<Record<string, string>>> = {
  interviews: zh.interview.kinds,
  docReviews: zh.docReview.kinds,
  siteVisits: { unannounced: zh.siteVisit.unannouncedTag, announced: '' },
  petitions: zh.petition.channels,
};
