import { elementPath } from '../../shared/domain/collections';
import { evidenceKey, type EvidenceRef } from '../../shared/domain/findings/finding.schema';
import type { Patch } from '../../shared/domain/record';

/**
 * Adding and removing evidence in an editor, a finding's or a clue's alike: one element of the
 * evidence set written through the editor's autosaver, so it is journaled, saved, shown and
 * refused (a confirmed finding, for a 组员) like every other edit, and merges element by element.
 */
export function evidenceEditing(change: (patch: Patch) => void) {
  const path = (ref: EvidenceRef) => elementPath('evidence', evidenceKey(ref));
  return {
    add: (ref: EvidenceRef) => change({ [path(ref)]: ref }),
    remove: (ref: EvidenceRef) => change({ [path(ref)]: null }),
  };
}
