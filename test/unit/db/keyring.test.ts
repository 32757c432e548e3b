import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { keyring, NotRecoverable, TooSoon, waitAfter } from '../../../renderer/db/keyring';
import { DamagedKey, WrongPassphrase } from '../../../shared/rest/caseKeys';
import { zh } from '../../../shared/i18n/zh-CN';

let n = 0;
/** A keyring with few PBKDF2 rounds and a clock the test moves. */
function fresh() {
  let now = Date.parse('2026-12-07T09:00:00Z');
  const name = `keyring-${Date.now()}-${n++}`;
  const ring = keyring(name, { iterations: 1000, now: () => now });
  return { ring, name, advance: (ms: number) => void (now += ms) };
}

describe("this laptop's keyring", () => {
  it('is set up once, then unlocks to the same keys, a new case key included', async () => {
    const { ring, name } = fresh();
    expect(await ring.state()).toBe('new');
    const first = await ring.create('第三巡察组 2026 春');
    await first.ensure('case-1');
    const caseKey = first.forCase('case-1')!.slice();
    const laptop = first.laptop.slice();
    expect(await ring.state()).toBe('locked');
    await expect(ring.create('another')).rejects.toThrow();

    // Another start of the app: nothing in memory but the passphrase typed again.
    const again = await keyring(name, { iterations: 1000 }).unlock('第三巡察组 2026 春');
    expect(again.laptop).toEqual(laptop);
    expect(again.forCase('case-1')).toEqual(caseKey);
    expect(again.forCase('case-2')).toBeUndefined();
  });

  it('keeps no key in the clear on disk', async () => {
    const { ring, name } = fresh();
    const keys = await ring.create('第三巡察组 2026 春');
    await keys.ensure('case-1');
    const raw = new Dexie(name);
    await raw.open();
    const stored = JSON.stringify(await raw.table('keys').toArray());
    raw.close();
    for (const key of [keys.laptop, keys.forCase('case-1')!]) {
      expect(stored).not.toContain(btoa(String.fromCharCode(...key)));
    }
  });

  it('drops its keys when locked: zeroed in memory, no new case key', async () => {
    const { ring } = fresh();
    const keys = await ring.create('第三巡察组 2026 春');
    await keys.ensure('case-1');
    const held = keys.forCase('case-1')!;
    keys.drop();
    expect(held.every((b) => b === 0)).toBe(true);
    expect(keys.laptop.every((b) => b === 0)).toBe(true);
    expect(keys.forCase('case-1')).toBeUndefined();
    await expect(keys.ensure('case-2')).rejects.toThrow();
  });

  it('refuses wrong passphrases, and after five in a row makes the next ones wait longer', async () => {
    const { ring, advance } = fresh();
    await ring.create('正确的口令 right');
    for (let i = 1; i <= 5; i++) {
      await expect(ring.unlock('错误的口令')).rejects.toBeInstanceOf(WrongPassphrase);
      expect(await ring.failures()).toMatchObject({ count: i });
    }
    // The sixth attempt waits 2 s; typed sooner, it is not even tried (not counted either).
    expect(await ring.waitMs()).toBe(2_000);
    const early = ring.unlock('正确的口令 right');
    await expect(early).rejects.toBeInstanceOf(TooSoon);
    await expect(early).rejects.toThrow(zh.rest.tooSoon(2));
    expect(await ring.failures()).toMatchObject({ count: 5 });
    advance(2_000);
    await expect(ring.unlock('错误的口令')).rejects.toBeInstanceOf(WrongPassphrase);
    expect(await ring.waitMs()).toBe(4_000);
    advance(4_000);
    await ring.unlock('正确的口令 right');
    expect(await ring.failures()).toMatchObject({ count: 0 });
    expect(await ring.waitMs()).toBe(0);
    expect([4, 5, 6, 7, 30].map(waitAfter)).toEqual([0, 2_000, 4_000, 8_000, 300_000]);
  });

  it('refuses an empty or overlong passphrase without counting it', async () => {
    const { ring } = fresh();
    await expect(ring.create('')).rejects.toThrow(zh.rest.passphraseEmpty);
    expect(await ring.state()).toBe('new'); // nothing was set up
    await ring.create('正确的口令 right');
    await expect(ring.unlock('')).rejects.toThrow(zh.rest.passphraseEmpty);
    await expect(ring.unlock('x'.repeat(1000))).rejects.toBeInstanceOf(WrongPassphrase);
    await expect(ring.unlock('x'.repeat(1025))).rejects.toThrow(zh.rest.passphraseTooLong(1024));
    expect(await ring.failures()).toMatchObject({ count: 1 }); // only the 1,000 characters
  });

  it('changes the passphrase by wrapping the same keys again', async () => {
    const { ring, name } = fresh();
    const keys = await ring.create('旧口令 old one');
    await keys.ensure('case-1');
    const caseKey = keys.forCase('case-1')!.slice();
    await expect(ring.change('不对的旧口令', '新口令 new one')).rejects.toBeInstanceOf(
      WrongPassphrase,
    );
    await ring.change('旧口令 old one', '新口令 new one');
    const reopened = keyring(name, { iterations: 1000 });
    await expect(reopened.unlock('旧口令 old one')).rejects.toBeInstanceOf(WrongPassphrase);
    expect((await reopened.unlock('新口令 new one')).forCase('case-1')).toEqual(caseKey);
  });

  it('says a damaged stored key is damaged, and points to the 组长', async () => {
    const { ring, name } = fresh();
    await ring.create('正确的口令 right');
    const raw = new Dexie(name);
    await raw.open();
    await raw.table('keys').update('laptop', { wrapped: { iv: '!!', sealed: 'x' } });
    raw.close();
    const attempt = ring.unlock('正确的口令 right');
    await expect(attempt).rejects.toBeInstanceOf(DamagedKey);
    await expect(attempt).rejects.toThrow(zh.rest.damagedKey);
    expect(zh.rest.damagedKey).toContain('组长');
  });

  it('escrows the keys to the 组长, who recovers a forgotten passphrase with their identity', async () => {
    const { ring, name } = fresh();
    const keys = await ring.create('忘掉的口令 forgotten');
    await keys.ensure('case-1');
    await keys.ensure('case-2');
    const held = { laptop: keys.laptop.slice(), one: keys.forCase('case-1')!.slice() };
    const leader = await generateX25519Identity();
    const stranger = await generateX25519Identity();
    const leaders = new Map([
      ['case-1', await identityToRecipient(leader)],
      ['case-2', ''], // its 组长's key not known yet: not escrowed
    ]);
    expect(await ring.escrow(keys, leaders)).toBe(2); // case-1 and the laptop's key
    expect(await ring.escrow(keys, leaders)).toBe(0); // done already

    // case-2 has no escrow: recovery refuses, and changes nothing.
    await expect(ring.recover(leader, '新口令 new one')).rejects.toBeInstanceOf(NotRecoverable);
    leaders.set('case-2', await identityToRecipient(leader));
    expect(await ring.escrow(keys, leaders)).toBe(1);

    // Someone else's identity opens nothing; nothing changes either.
    await expect(ring.recover(stranger, '新口令 new one')).rejects.toThrow(
      zh.rest.notRecoverable(3),
    );
    await expect(ring.recover(leader, '')).rejects.toThrow(zh.rest.passphraseEmpty);
    await ring.unlock('忘掉的口令 forgotten'); // the old passphrase still works until recovery

    const recovered = await ring.recover(`  ${leader}\n`, '新口令 new one');
    expect(recovered.laptop).toEqual(held.laptop);
    expect(recovered.forCase('case-1')).toEqual(held.one);
    const again = keyring(name, { iterations: 1000 });
    await expect(again.unlock('忘掉的口令 forgotten')).rejects.toBeInstanceOf(WrongPassphrase);
    expect((await again.unlock('新口令 new one')).forCase('case-2')).toBeDefined();
    // The escrow stays for the next time.
    expect(await again.escrow(recovered, leaders)).toBe(0);
  });
});
