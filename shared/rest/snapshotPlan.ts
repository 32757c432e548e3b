/**
 * Snapshots of a case (issue 16): what they are called on disk and which are kept.
 *
 * A snapshot is a case package (docs/package-format.md) of the whole case, encrypted to this
 * laptop's key and its 组长's, so IndexedDB is never the only copy of weeks of work. Its file
 * name says which case, when and why, and nothing of what the case holds: the name is read
 * before anything is unlocked, and by anyone who looks at the disk.
 */

/** Why a snapshot was taken: the daily one, or before an event that changes much at once. */
export const SNAPSHOT_REASONS = ['daily', 'import', 'upgrade', 'restore', 'manual'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** How many are kept per case: the last 7 daily, the last 10 of every other kind together. */
export const KEEP = { daily: 7, event: 10 } as const;

export const SNAPSHOT_EXTENSION = 'xcsnap';

export interface SnapshotName {
  readonly caseId: string;
  /** When it was taken, to the millisecond (ISO, UTC). */
  readonly takenAt: string;
  readonly reason: SnapshotReason;
}

const NAME = new RegExp(
  String.raw`^([0-9A-Za-z_-]{1,100})\.(\d{8}T\d{9}Z)\.(${SNAPSHOT_REASONS.join('|')})\.${SNAPSHOT_EXTENSION}$`,
);

/** `<caseId>.<20261207T160102345Z>.<reason>.xcsnap`: sorts by case, then by time. */
export function snapshotFileName({ caseId, takenAt, reason }: SnapshotName): string {
  const compact = takenAt.replace(/[-:.]/g, '');
  return `${caseId}.${compact}.${reason}.${SNAPSHOT_EXTENSION}`;
}

/** The snapshot a file name stands for, or null for any other file (left alone). */
export function parseSnapshotName(name: string): SnapshotName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, caseId, t, reason] = match as unknown as [string, string, string, SnapshotReason];
  const takenAt =
    `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T` +
    `${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}.${t.slice(15, 18)}Z`;
  return Number.isNaN(Date.parse(takenAt)) ? null : { caseId, takenAt, reason };
}

/**
 * The snapshots to remove so that each case keeps its last 7 daily and its last 10 other
 * snapshots. Never the newest of a case, whatever its kind.
 */
export function snapshotsToRemove<T extends SnapshotName>(all: readonly T[]): T[] {
  const byCase = new Map<string, T[]>();
  for (const s of all) byCase.set(s.caseId, [...(byCase.get(s.caseId) ?? []), s]);
  const out: T[] = [];
  for (const list of byCase.values()) {
    const newestFirst = [...list].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    const daily = newestFirst.filter((s) => s.reason === 'daily');
    const event = newestFirst.filter((s) => s.reason !== 'daily');
    out.push(...daily.slice(KEEP.daily), ...event.slice(KEEP.event));
  }
  return out;
}

/**
 * Whether a case needs today's snapshot: none of its snapshots is today's daily one, and it
 * changed after the newest of them (`upTo`: the last change a snapshot holds). `day` gives the
 * local date of a time.
 */
export function dailyDue(
  ofCase: readonly (SnapshotName & { readonly upTo?: number })[],
  lastChange: number,
  today: string,
  day: (iso: string) => string,
): boolean {
  if (ofCase.some((s) => s.reason === 'daily' && day(s.takenAt) === today)) return false;
  const newest = [...ofCase].sort((a, b) => b.takenAt.localeCompare(a.takenAt))[0];
  return newest?.upTo === undefined || newest.upTo < lastChange;
}
