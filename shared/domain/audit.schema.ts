/**
 * The audit log (issue 16): what happened on a laptop to a case, one immutable entry each time.
 * Unlocking and locking, wrong passphrases, packages made and applied, documents generated, clues
 * opened and changed, snapshots restored, 清退. Entries are appended, never changed and never
 * deleted (only 清退 of the whole case removes them with it); they travel to the 组长 in the
 * packages made for the 组长 (renderer/db/packages.repository.ts), and arrive there checked
 * against this schema, kept once by id.
 *
 * An entry names the laptop (`deviceId`) and the member using it for the case (`memberId`, ''
 * before a member is chosen); its `detail` is small and typed by `action`. No record text goes
 * in, beyond a clue's title (被反映人) and a file's name.
 */
import { z } from './zod';
import { ValidationError, fieldErrorsOf } from './validation';

const id = z.string().min(1).max(40);
const time = z.iso.datetime();
const name = z.string().max(255);

export const AUDIT_ACTIONS = [
  'unlock',
  'lock',
  'unlockFailed',
  'export',
  'import',
  'document',
  'clueView',
  'clueChange',
  'snapshotRestore',
  'clear',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** How the keys were opened: the passphrase, the 组长's recovery key, or a first passphrase. */
export const UNLOCK_WAYS = ['passphrase', 'recovery', 'setup'] as const;
export type UnlockWay = (typeof UNLOCK_WAYS)[number];
/** What locked the app: the 锁定 button, its shortcut, the idle time, the system (suspend). */
export const LOCK_REASONS = ['button', 'shortcut', 'idle', 'system'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];
/** A package's kind, as its manifest names it (join, member, summary, snapshot, or later). */
const packageKind = z.string().min(1).max(40);
export const CLUE_CHANGES = ['create', 'edit', 'delete', 'settle'] as const;

/** Wrong passphrases kept by time, at most (the count goes on beyond). */
export const MAX_FAILED_TIMES = 50;

const details = {
  unlock: z.strictObject({ how: z.enum(UNLOCK_WAYS) }),
  lock: z.strictObject({ reason: z.enum(LOCK_REASONS) }),
  /** Wrong passphrases typed before this unlock: how many, and when (the newest, at most 50). */
  unlockFailed: z.strictObject({
    count: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    times: z.array(time).max(MAX_FAILED_TIMES),
  }),
  /** A package written to a file: its kind, whom for, the file's name, whole or changes only. */
  export: z.strictObject({
    kind: packageKind,
    forMember: id,
    forName: name,
    file: name,
    onlyChanges: z.boolean(),
  }),
  /** A package applied here: its kind, who made it and when (its manifest), what it brought. */
  import: z.strictObject({
    kind: packageKind,
    fromMember: id,
    fromName: name,
    fromDevice: id,
    createdAt: time,
    stored: z.number().int().nonnegative(),
    conflicts: z.number().int().nonnegative(),
  }),
  /** A document generated and saved: which (shared/documents DOCUMENT_KINDS), and its file. */
  document: z.strictObject({ kind: z.string().min(1).max(40), file: name }),
  clueView: z.strictObject({ clueId: id, title: name }),
  clueChange: z.strictObject({ clueId: id, title: name, change: z.enum(CLUE_CHANGES) }),
  /** A snapshot restored: which, taken when, merged into the case or restored as a new copy. */
  snapshotRestore: z.strictObject({
    snapshot: name,
    takenAt: time,
    into: z.enum(['merge', 'copy']),
  }),
  /** 清退: the SHA-256 of the package that acknowledged the work, '' when there was none. */
  clear: z.strictObject({
    acknowledgedBy: z.union([z.string().regex(/^[0-9a-f]{64}$/), z.literal('')]),
  }),
} as const satisfies Record<AuditAction, z.ZodType>;

export type AuditDetail<A extends AuditAction = AuditAction> = z.output<(typeof details)[A]>;

const entryOf = <A extends AuditAction>(action: A) =>
  z.strictObject({
    id,
    caseId: id,
    /** The laptop's clock when it happened: for people to read, never to order merges by. */
    at: time,
    deviceId: id,
    /** The member using the laptop for the case; '' before one was chosen. */
    memberId: z.union([id, z.literal('')]),
    action: z.literal(action),
    detail: details[action],
    /** Local to each laptop (what changed since the last package); reassigned on arrival. */
    seq: z.number().int().nonnegative().default(0),
  });

export const auditEntrySchema = z.discriminatedUnion('action', [
  entryOf('unlock'),
  entryOf('lock'),
  entryOf('unlockFailed'),
  entryOf('export'),
  entryOf('import'),
  entryOf('document'),
  entryOf('clueView'),
  entryOf('clueChange'),
  entryOf('snapshotRestore'),
  entryOf('clear'),
]);

export type AuditEntry = z.output<typeof auditEntrySchema>;

/** Checks an entry as it arrives from another laptop; a ValidationError names the problem. */
export function parseAuditEntry(row: unknown): AuditEntry {
  const result = auditEntrySchema.safeParse(row);
  if (!result.success) throw new ValidationError(fieldErrorsOf(result.error));
  return result.data;
}
