import type { RuleFields } from '../../shared/domain/compare/compare.schema';
import type { NewList } from '../db';
import type { ListRow } from '../../shared/domain/compare/rows';
import { LIST_KIND_NAMES, type ListKind } from '../../shared/domain/compare/kinds';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import { useRepos } from '../app/session';
import { matchInWorker } from '../compare/compareClient';
import { useLive } from './live';
import { requireActor, useActor } from './members';

export function useCompareLists(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.compare.lists(caseId), [caseId]);
}
export function useCompareListNames(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.compare.listNames(caseId), [caseId]);
}
export function useCompareRules(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.compare.rules(caseId), [caseId]);
}
export function useCompareHits(caseId: string) {
  const repos = useRepos();
  return useLive(() => repos.compare.hits(caseId), [caseId]);
}

export function useCompareActions(caseId: string) {
  const repos = useRepos();
  const actor = useActor(caseId);
  const who = () => requireActor(actor);
  return {
    actor,
    addList: (input: NewList, rows: readonly ListRow[], replaces?: string) =>
      repos.compare.addList(caseId, input, rows, who(), replaces),
    removeList: (id: string) => repos.compare.removeList(id, who()),
    addRule: (init: Partial<RuleFields>) => repos.compare.addRule(caseId, init, who()),
    removeRule: (id: string) => repos.compare.removeRule(id, who()),
    toClue: (ids: readonly string[]) => repos.compare.toClue(ids, who()),
    toFinding: (ids: readonly string[]) => repos.compare.toFinding(ids, who()),

    /** Runs a rule in the worker over every list of its two kinds, and keeps what it found. */
    run,

    /** After a list of `kind` is replaced: every rule over that kind again, changes summed. */
    async rerunKind(kind: ListKind) {
      const rules = (await repos.compare.rules(caseId)).filter(
        (r) => r.source === kind || r.target === kind,
      );
      const sum = { added: 0, gone: 0, kept: 0, exempted: 0 };
      let ran = 0;
      for (const rule of rules) {
        // A rule whose other list is not imported yet has nothing to run over: skipped.
        const r = await run(rule.id, () => {}).catch(() => null);
        if (!r) continue;
        ran += 1;
        sum.added += r.added;
        sum.gone += r.gone;
        sum.kept += r.kept;
        sum.exempted += r.exempted;
      }
      return ran > 0 ? sum : null;
    },
  };

  async function run(ruleId: string, onProgress: (done: number, total: number) => void) {
    const rule = await repos.compare.getRule(ruleId);
    if (!rule || rule.deleted) throw new ValidationError({ _: zh.validation.notFound });
    const lists = await repos.compare.lists(caseId);
    const of = async (kind: ListKind) => {
      const chosen = lists.filter((l) => l.kind === kind);
      if (chosen.length === 0)
        throw new ValidationError({ _: zh.compare.noList(LIST_KIND_NAMES[kind]) });
      return Promise.all(
        chosen.map(async (l) => ({
          listId: l.id,
          columns: l.columns,
          parts: await repos.compare.partsOf(l),
        })),
      );
    };
    const sources = await of(rule.source);
    const targets = await of(rule.target);
    const matches = await matchInWorker(
      { id: rule.id, household: rule.household, exemptions: rule.exemptions },
      sources,
      targets,
      onProgress,
    );
    return repos.compare.saveRun(caseId, rule.id, matches, who());
  }
}
