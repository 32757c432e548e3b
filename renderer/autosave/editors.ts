/**
 * The editors open on the page, so that locking the app (issue 16) can save what is being typed
 * before the keys go: every editor registers its flush while it lives, and its last save on
 * leaving is waited for before the database closes.
 */
const open = new Set<() => Promise<void>>();
const leaving = new Set<Promise<unknown>>();

/** Registers an editor's flush; returns its removal. */
export function registerEditor(flush: () => Promise<void>): () => void {
  open.add(flush);
  return () => void open.delete(flush);
}

/** An editor left (its last save, or the discarding of an untouched draft, is under way). */
export function noteLeaving(left: Promise<unknown>): void {
  leaving.add(left);
  void left.finally(() => leaving.delete(left));
}

/** Writes whatever every open editor holds; a failed write stays in the journal, as always. */
export async function saveAllEditors(): Promise<void> {
  await Promise.allSettled([...open].map((flush) => flush()));
}

/** Waits for the editors that were just left to finish their last writes. */
export async function editorsLeft(): Promise<void> {
  await Promise.allSettled([...leaving]);
}
