/** The four kinds of field record, by table name. */
import type { RecordKind, RecordSpec } from './common';
import { interviewSpec } from './interview.schema';
import { docReviewSpec } from './docReview.schema';
import { siteVisitSpec } from './siteVisit.schema';
import { petitionSpec } from './petition.schema';

export const RECORD_SPECS: Readonly<Record<RecordKind, RecordSpec>> = {
  interviews: interviewSpec,
  docReviews: docReviewSpec,
  siteVisits: siteVisitSpec,
  petitions: petitionSpec,
};

export { RECORD_KINDS, type RecordKind, type RecordSpec } from './common';

export function isRecordKind(value: string): value is RecordKind {
  return value in RECORD_SPECS;
}
