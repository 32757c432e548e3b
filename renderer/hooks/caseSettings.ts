import type { CaseFields } from '../../shared/domain/case.schema';
import { repos } from '../db';
import { tableStore } from './autosave';

/**
 * The 组长's settings of a case (report texts, ledger dates), through the same autosaver, journal
 * and indicator as every record; the repository refuses them to anyone else.
 */
export const caseSettingsStore = tableStore<CaseFields>('cases', {
  get: (id) => repos.cases.get(id),
  patch: (id, patch, actor) => repos.cases.patchSettings(id, patch, actor),
});
