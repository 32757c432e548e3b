import type { CaseFields } from '../../shared/domain/case.schema';
import type { Repositories } from '../db';
import { tableStore, type TypedStore } from './autosave';

/**
 * The 组长's settings of a case (report texts, ledger dates), through the same autosaver, journal
 * and indicator as every record; the repository refuses them to anyone else.
 */
export function caseSettingsStore(repos: Repositories): TypedStore<CaseFields> {
  return tableStore<CaseFields>(repos, 'cases', {
    get: (id) => repos.cases.get(id),
    patch: (id, patch, actor) => repos.cases.patchSettings(id, patch, actor),
  });
}
