/** The case dashboard's figures, computed from what is stored (see shared/domain/findings/stats). */
import { caseStats, type CaseStats } from '../../shared/domain/findings/stats';
import type { AccessRules } from './access';
import type { WorkbenchDB } from './database';
import type { Actor } from './write';

export function statsRepository(db: WorkbenchDB, access: AccessRules) {
  // Blank drafts (opened with 新建 and left empty) are not evidence: not counted.
  const live = (caseId: string, kind: string) =>
    db.summaries
      .where('[caseId+kind+state]')
      .equals([caseId, kind, 'live'])
      .filter((s) => !s.blank);
  return {
    /** The figures as this member may see them: clues count only those they may read. */
    async ofCase(caseId: string, actor: Actor): Promise<CaseStats> {
      const [interviews, docReviews, siteVisits, petitions, findings, clues, hits] =
        await Promise.all([
          live(caseId, 'interviews').toArray(),
          live(caseId, 'docReviews').count(),
          live(caseId, 'siteVisits').count(),
          live(caseId, 'petitions').count(),
          db.findings.where('caseId').equals(caseId).toArray(),
          db.clues.where('caseId').equals(caseId).toArray(),
          db.compareHits.where('caseId').equals(caseId).toArray(),
        ]);
      const visibleClues = await access.filter(
        'clues',
        clues.filter((c) => !c.deleted),
        actor,
      );
      return caseStats({
        interviewHeadcounts: interviews.map((s) => s.headcount ?? 0),
        docReviews,
        siteVisits,
        petitions,
        findings: findings.filter((f) => !f.deleted),
        clues: visibleClues.length,
        compareHits: hits.filter((h) => !h.deleted),
      });
    },
  };
}
