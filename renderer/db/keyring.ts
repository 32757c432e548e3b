/**
 * This laptop's keys (issue 16), in a small database of their own that holds nothing but
 * wrapped keys and the unlock parameters, so the app can ask for the passphrase without opening
 * the data. Unlocking derives the key-encryption key once (shared/rest/caseKeys.ts) and unwraps
 * the laptop's key and every case key into a KeyChain, which lives only while the app is
 * unlocked: locking drops it.
 *
 * Wrong passphrases are counted here, where they survive a reload: after five in a row each
 * further attempt waits longer (2 s, 4 s, … up to 5 minutes). The count is kept in the clear
 * (it is no secret), and so are the times of wrong passphrases not yet in the audit log: there
 * is no case key to seal them with before unlock. The next unlock writes them into the log of
 * every case (Vault.tsx), then tells the keyring to forget them (failuresLogged).
 */
import Dexie, { type Table } from 'dexie';
import {
  DamagedKey,
  deriveKek,
  escrowCaseKey,
  identityIn,
  passphraseProblem,
  recoverCaseKey,
  newDataKey,
  newKdfParams,
  unwrapKey,
  WrongPassphrase,
  wrapKey,
  type KdfParams,
  type Kek,
  type WrappedKey,
} from '../../shared/rest/caseKeys';
import { zh } from '../../shared/i18n/zh-CN';
import { MAX_FAILED_TIMES } from '../../shared/domain/audit.schema';
import type { Keys } from './atRest';
import { wipeScratch } from '../../shared/rest/sodium';

export const KEYRING_NAME = 'xuncha-workbench-keys';
const LAPTOP = 'laptop';
const caseSlot = (caseId: string) => `case:${caseId}`;

interface KeyRow {
  readonly id: string;
  readonly wrapped: WrappedKey;
  /** The key as an age file to the 组长 (the laptop's key: to every case's 组长), for recovery. */
  readonly escrow?: { readonly to: readonly string[]; readonly file: Uint8Array };
}
interface VaultRow {
  readonly id: 'vault';
  readonly kdf: KdfParams;
  /** Wrong passphrases since the last unlock, and when the last one was typed. */
  readonly failures: number;
  readonly lastFailure: string;
  /** Wrong passphrases the audit log has not taken yet: how many, and the newest times. */
  readonly unlogged?: FailedAttempts;
}

/** Wrong passphrases: how many, and when (the newest MAX_FAILED_TIMES of them). */
export interface FailedAttempts {
  readonly count: number;
  readonly times: readonly string[];
}

class KeyringDB extends Dexie {
  declare keys: Table<KeyRow, string>;
  declare vault: Table<VaultRow, string>;
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ keys: 'id', vault: 'id' });
  }
}

/** Attempts allowed before waiting starts, and the longest wait. */
export const FREE_ATTEMPTS = 5;
const MAX_WAIT_MS = 5 * 60_000;

/** Milliseconds to wait before the next attempt after `failures` wrong ones in a row. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_MS, 2_000 * 2 ** (failures - FREE_ATTEMPTS));
}

/** Recovery refused: `count` keys do not open with the identity given. Nothing was changed. */
export class NotRecoverable extends Error {
  constructor(readonly count: number) {
    super(zh.rest.notRecoverable(count));
    this.name = 'NotRecoverable';
  }
}

/** Typed too soon after wrong passphrases: nothing was tried. */
export class TooSoon extends Error {
  constructor(readonly waitMs: number) {
    super(zh.rest.tooSoon(Math.ceil(waitMs / 1000)));
    this.name = 'TooSoon';
  }
}

/**
 * The keys in memory while unlocked. Reads are synchronous (the database middleware seals and
 * opens rows inside transactions); a new case's key is wrapped and stored before it is used.
 */
export class KeyChain implements Keys {
  private open = true;
  constructor(
    readonly laptop: Uint8Array,
    private readonly cases: Map<string, Uint8Array>,
    private readonly store: (caseId: string, key: Uint8Array) => Promise<void>,
  ) {}

  forCase(caseId: string): Uint8Array | undefined {
    return this.cases.get(caseId);
  }

  async ensure(caseId: string): Promise<void> {
    if (!this.open) throw new Error('locked');
    if (this.cases.has(caseId)) return;
    const key = newDataKey();
    await this.store(caseId, key);
    this.cases.set(caseId, key);
  }

  /** Every case key held, for a worker that must open them all (the sealing pass). */
  caseKeys(): [string, Uint8Array][] {
    return [...this.cases];
  }

  /** Zeroes one case's key and forgets it (巡后清退: the keyring destroys its stored copy). */
  forget(caseId: string): void {
    this.cases.get(caseId)?.fill(0);
    this.cases.delete(caseId);
  }

  /** Zeroes every key held and forgets them: what was sealed cannot be opened until unlock. */
  drop(): void {
    this.open = false;
    this.laptop.fill(0);
    for (const key of this.cases.values()) key.fill(0);
    this.cases.clear();
    wipeScratch(); // the last key and body libsodium opened
  }
}

/**
 * Keys for tests and benchmarks: random, kept in memory only. A new case key still waits a
 * task before it is there, as storing it in the keyring does, so code that would make one
 * inside a database transaction (which that wait ends) fails in the tests as in the app.
 */
export function memoryKeys(): KeyChain {
  return new KeyChain(newDataKey(), new Map(), () => new Promise((r) => setTimeout(r, 0)));
}

export interface UnlockOptions {
  /** For tests: fewer PBKDF2 rounds than the product's. */
  readonly iterations?: number;
  readonly now?: () => number;
}

export function keyring(name = KEYRING_NAME, options: UnlockOptions = {}) {
  const db = new KeyringDB(name);
  const now = options.now ?? Date.now;

  async function chain(kek: Kek, laptop: Uint8Array): Promise<KeyChain> {
    const cases = new Map<string, Uint8Array>();
    for (const row of await db.keys.toArray()) {
      if (row.id === LAPTOP) continue;
      cases.set(row.id.slice(caseSlot('').length), await unwrapKey(kek, row.wrapped));
    }
    return new KeyChain(laptop, cases, async (caseId, key) => {
      await db.keys.put({ id: caseSlot(caseId), wrapped: await wrapKey(kek, key) });
    });
  }

  return {
    /** 'new' before the first passphrase is set on this laptop, then 'locked'. */
    async state(): Promise<'new' | 'locked'> {
      return (await db.vault.get('vault')) ? 'locked' : 'new';
    },

    /** How long the next attempt must wait, after wrong passphrases in a row (0: none). */
    async waitMs(): Promise<number> {
      const vault = await db.vault.get('vault');
      if (!vault || vault.failures < FREE_ATTEMPTS) return 0;
      return Math.max(0, Date.parse(vault.lastFailure) + waitAfter(vault.failures) - now());
    },

    /** Wrong passphrases typed since the last unlock (the audit log takes them at unlock). */
    async failures(): Promise<{ count: number; last: string }> {
      const vault = await db.vault.get('vault');
      return { count: vault?.failures ?? 0, last: vault?.lastFailure ?? '' };
    },

    /** Wrong passphrases not yet written into the audit log (count 0: none). */
    async unloggedFailures(): Promise<FailedAttempts> {
      return (await db.vault.get('vault'))?.unlogged ?? { count: 0, times: [] };
    },

    /**
     * The audit log has taken these wrong passphrases: forgotten here. Any typed since (in another
     * window) stay for the next unlock.
     */
    async failuresLogged(logged: FailedAttempts): Promise<void> {
      await db.transaction('rw', db.vault, async () => {
        const vault = await db.vault.get('vault');
        if (!vault?.unlogged) return;
        const left = vault.unlogged.times.filter((t) => !logged.times.includes(t));
        const count = Math.max(vault.unlogged.count - logged.count, left.length);
        await db.vault.put({ ...vault, unlogged: { count, times: left } });
      });
    },

    /** Sets the first passphrase and makes this laptop's key. */
    async create(passphrase: string): Promise<KeyChain> {
      const kdf = newKdfParams(options.iterations);
      const kek = await deriveKek(passphrase, kdf);
      const laptop = newDataKey();
      const wrapped = await wrapKey(kek, laptop);
      await db.transaction('rw', db.keys, db.vault, async () => {
        if (await db.vault.get('vault')) throw new Error('a passphrase is already set');
        await db.vault.put({ id: 'vault', kdf, failures: 0, lastFailure: '' });
        await db.keys.put({ id: LAPTOP, wrapped });
      });
      return chain(kek, laptop);
    },

    /**
     * The keys, for the right passphrase. TooSoon while a wait runs (nothing tried);
     * WrongPassphrase (counted); DamagedKey when what is stored cannot be a key.
     */
    async unlock(passphrase: string): Promise<KeyChain> {
      const wait = await this.waitMs();
      if (wait > 0) throw new TooSoon(wait);
      const vault = await db.vault.get('vault');
      const stored = await db.keys.get(LAPTOP);
      if (!vault || !stored) throw new DamagedKey(zh.rest.damagedKey);
      const kek = await deriveKek(passphrase, vault.kdf);
      let laptop: Uint8Array;
      try {
        laptop = await unwrapKey(kek, stored.wrapped);
      } catch (error) {
        if (error instanceof WrongPassphrase) {
          const at = new Date(now()).toISOString();
          const unlogged = vault.unlogged ?? { count: 0, times: [] };
          await db.vault.update('vault', {
            failures: vault.failures + 1,
            lastFailure: at,
            unlogged: {
              count: unlogged.count + 1,
              times: [...unlogged.times, at].slice(-MAX_FAILED_TIMES),
            },
          });
        }
        throw error;
      }
      const keys = await chain(kek, laptop);
      // Written only when there is something to clear: unlocking must work on a full disk.
      if (vault.failures > 0) await db.vault.update('vault', { failures: 0 });
      return keys;
    },

    /**
     * Escrows the keys to the 组长 (DESIGN §12): each case key to the recipient of its case's
     * 组长, this laptop's key to all of them (it opens settings, the journal and file bytes,
     * which every case needs). A key already escrowed to the same recipients is left as it is.
     * Returns how many keys were escrowed now.
     */
    async escrow(keys: KeyChain, leaders: ReadonlyMap<string, string>): Promise<number> {
      let escrowed = 0;
      const keep = async (id: string, key: Uint8Array | undefined, to: readonly string[]) => {
        const row = await db.keys.get(id);
        if (!row || !key || to.length === 0) return;
        if (row.escrow && row.escrow.to.join() === to.join()) return;
        await db.keys.put({ ...row, escrow: { to, file: await escrowCaseKey(key, to) } });
        escrowed++;
      };
      for (const [caseId, recipient] of leaders) {
        if (recipient) await keep(caseSlot(caseId), keys.forCase(caseId), [recipient]);
      }
      const all = [...new Set([...leaders.values()].filter(Boolean))].sort();
      await keep(LAPTOP, keys.laptop, all);
      return escrowed;
    },

    /**
     * A forgotten passphrase: the 组长's identity opens every escrowed key, and a new
     * passphrase wraps them. All keys or none: NotRecoverable when any key has no escrow this
     * identity opens, and then nothing changes.
     */
    async recover(identity: string, newPassphrase: string): Promise<KeyChain> {
      const problem = passphraseProblem(newPassphrase);
      if (problem) throw new WrongPassphrase(problem);
      const rows = await db.keys.toArray();
      const opened = new Map<string, Uint8Array>();
      let failed = 0;
      for (const row of rows) {
        if (!row.escrow) {
          failed++;
          continue;
        }
        try {
          opened.set(row.id, await recoverCaseKey(row.escrow.file, identityIn(identity)));
        } catch {
          failed++;
        }
      }
      const laptop = opened.get(LAPTOP);
      if (failed > 0 || !laptop) throw new NotRecoverable(Math.max(failed, 1));
      const kdf = newKdfParams(options.iterations);
      const kek = await deriveKek(newPassphrase, kdf);
      const rewrapped: KeyRow[] = [];
      for (const row of rows) {
        rewrapped.push({ ...row, wrapped: await wrapKey(kek, opened.get(row.id)!) });
      }
      await db.transaction('rw', db.keys, db.vault, async () => {
        await db.keys.bulkPut(rewrapped);
        const { unlogged } = (await db.vault.get('vault')) ?? {};
        await db.vault.put({
          id: 'vault',
          kdf,
          failures: 0,
          lastFailure: '',
          ...(unlogged ? { unlogged } : {}),
        });
      });
      return chain(kek, laptop);
    },

    /** A new passphrase: every key wrapped again under it; no data is touched. */
    async change(oldPassphrase: string, newPassphrase: string): Promise<void> {
      const vault = await db.vault.get('vault');
      if (!vault) throw new DamagedKey(zh.rest.damagedKey);
      const before = await deriveKek(oldPassphrase, vault.kdf);
      const kdf = newKdfParams(options.iterations);
      const after = await deriveKek(newPassphrase, kdf);
      const rows = await db.keys.toArray();
      const rewrapped: KeyRow[] = [];
      for (const row of rows) {
        rewrapped.push({
          ...row,
          wrapped: await wrapKey(after, await unwrapKey(before, row.wrapped)),
        });
      }
      await db.transaction('rw', db.keys, db.vault, async () => {
        await db.keys.bulkPut(rewrapped);
        await db.vault.put({ ...vault, kdf, failures: 0 });
      });
    },

    /**
     * Destroys a case's key (巡后清退): the wrapped key and its escrow copy are deleted and the
     * key held in memory zeroed. Whatever of the case remains on disk (LevelDB keeps old
     * copies until it compacts) can no longer be opened by anyone, the 组长 included.
     */
    async destroyCaseKey(keys: KeyChain, caseId: string): Promise<void> {
      await db.keys.delete(caseSlot(caseId));
      keys.forget(caseId);
    },

    close: () => db.close(),
  };
}

export type Keyring = ReturnType<typeof keyring>;
