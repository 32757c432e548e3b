import { describe, expect, it } from 'vitest';
import { sealedStorage } from '../../../renderer/autosave/sealedStorage';
import { createJournal } from '../../../renderer/autosave/journal';
import { memoryKeys } from '../../../renderer/db/keyring';
import { memoryStorage } from '../../support/memoryStorage';

const TEXT = '尚未保存：局长在谈话中承认挪用了专项资金';

describe("the journal's localStorage notes", () => {
  it('are sealed on disk, read back whole, and unreadable once the keys are dropped', async () => {
    const disk = memoryStorage();
    const keys = memoryKeys();
    const journal = createJournal({
      fast: () => sealedStorage(disk, keys.laptop),
      durable: () => undefined,
    });
    const entry = { patch: { place: TEXT }, base: {}, baseSeq: 0, at: '2026-12-07T09:00:00.000Z' };
    journal.note('interviews', 'r1', entry);
    const stored = [...disk.items.values()].join('');
    expect(stored).not.toContain(TEXT);
    expect(stored).not.toContain('place');
    expect(await journal.read('interviews', 'r1')).toEqual(entry);

    keys.drop();
    expect(await journal.read('interviews', 'r1')).toBeNull();
    // A note typed after the lock is not written in the clear either.
    journal.note('interviews', 'r2', entry);
    expect([...disk.items.values()].join('')).not.toContain(TEXT);
  });

  it('reads a note from before encryption, and refuses one moved to another key', () => {
    const disk = memoryStorage();
    const keys = memoryKeys();
    const sealed = sealedStorage(disk, keys.laptop);
    disk.setItem('xuncha:pending:interviews:old', '{"patch":{}}');
    expect(sealed.getItem('xuncha:pending:interviews:old')).toBe('{"patch":{}}');
    sealed.setItem('a', TEXT);
    disk.setItem('b', disk.getItem('a')!);
    expect(sealed.getItem('a')).toBe(TEXT);
    expect(() => sealed.getItem('b')).toThrow();
  });
});
