/** The case dashboard's figures, computed from what is stored (see shared/domain/findings/stats). */
import { caseStats, type CaseStats } from '../../shared/domain/findings/stats';
import type { WorkbenchDB } from './database';

export function statsRepository(db: WorkbenchDB) {
  const live = (caseId: string, kind: string) =>
    db.summaries.where('[caseId+kind+state]').equals([caseId, kind, 'live']);
  return {
    async ofCase(caseId: string): Promise<CaseStats> {
      const [interviews, docReviews, siteVisits, petitions, findings, clues] = await Promise.all([
        live(caseId, 'interviews').toArray(),
        live(caseId, 'docReviews').count(),
        live(caseId, 'siteVisits').count(),
        live(caseId, 'petitions').count(),
        db.findings.where('caseId').equals(caseId).toArray(),
        db.clues.where('caseId').equals(caseId).toArray(),
      ]);
      return caseStats({
        interviewHeadcounts: interviews.map((s) => s.headcount ?? 0),
        docReviews,
        siteVisits,
        petitions,
        findings: findings.filter((f) => !f.deleted),
        clues: clues.filter((c) => !c.deleted).length,
      });
    },
  };
}
