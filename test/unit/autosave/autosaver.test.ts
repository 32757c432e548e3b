// The autosaver against a real store (the app's repositories on fake-indexeddb) and a real
// journal (over an in-memory key-value store): every path an edit can take on its way to disk.
import { describe, expect, it } from 'vitest';
import {
  Autosaver,
  type AutosaveStore,
  type FieldRecord,
} from '../../../renderer/autosave/autosaver';
import { createJournal, type JournalEntry } from '../../../renderer/autosave/journal';
import { describeFailure } from '../../../renderer/autosave/failure';
import { classifyWriteFailure } from '../../../renderer/app/storageLevel';
import { watchQuery } from '../../../renderer/db/watch';
import { patchRecord } from '../../../shared/domain/record';
import { COLLECTIONS } from '../../../shared/domain/tables';
import { caseWithLeader, today } from '../db/helpers';
import { memoryStorage } from '../../support/memoryStorage';

const t = (id: string, pos: string, text: string, speaker: 'q' | 'a' = 'q') => ({
  id,
  pos,
  speaker,
  text,
});

async function setup() {
  const base = await caseWithLeader();
  const { repos, caseId, actor } = base;
  const record = await repos.records.create('interviews', caseId, actor, today);
  await repos.records.patch(
    'interviews',
    record.id,
    { 'turns/t1': t('t1', 'a0', '问：'), 'turns/t2': t('t2', 'a1', '答：', 'a') },
    actor,
    today,
  );
  const storage = memoryStorage();
  const journal = createJournal({ fast: () => storage, durable: () => repos.journal });
  let calls = 0;
  let newerVersion = false;
  let failWith: Error | null = null;
  const store: AutosaveStore = {
    table: 'interviews',
    collections: COLLECTIONS.interviews,
    get: (id) => repos.records.get('interviews', id),
    patch: async (id, patch, who) => {
      calls++;
      if (failWith) throw failWith;
      return repos.records.patch('interviews', id, patch, who, today);
    },
    missing: (r) => repos.records.missing('interviews', r, today),
  };
  const open = async () => {
    const saver = new Autosaver(store, record.id, {
      journal,
      deviceId: actor.deviceId,
      delayMs: 5,
      maxRetryMs: 20,
      // As the app does: the storage watcher tells a full disk, the window a newer version.
      describeFailure: (error) =>
        describeFailure(error, {
          lackOfRoom: classifyWriteFailure(error) === 'space',
          newerVersion,
        }),
    });
    saver.setActor(actor);
    await saver.load();
    return saver;
  };
  const stored = async () => (await repos.records.get('interviews', record.id))!;
  const texts = (r: FieldRecord | Readonly<Record<string, unknown>>) =>
    (r.turns as { text: string }[]).map((x) => x.text);
  return {
    ...base,
    id: record.id,
    storage,
    journal,
    store,
    open,
    stored,
    texts,
    calls: () => calls,
    fail: (error: Error | null) => void (failWith = error),
    newerVersion: () => void (newerVersion = true),
  };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 2000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('the autosaver', () => {
  it('saves what was typed within its delay, writing only the turn that changed', async () => {
    const s = await setup();
    const saver = await s.open();
    await s.repos.sync.markExported(await s.repos.sync.currentSeq()); // no folding: one revision
    const before = await s.stored();
    const turns = s
      .texts(saver.getState().values)
      .map((text, i) => ({ ...(before.turns as object[])[i], text }));
    saver.change({ turns: [{ ...turns[0], text: '问：公务用车？' }, turns[1]] });
    expect(saver.getState().status).toBe('pending');
    expect((await s.journal.read('interviews', s.id))?.patch).toEqual({
      'turns/t1': t('t1', 'a0', '问：公务用车？'),
    });
    await until(() => saver.getState().status === 'saved');
    expect(s.texts(await s.stored())).toEqual(['问：公务用车？', '答：']);
    expect(await s.journal.read('interviews', s.id)).toBeNull();
    const revision = (await s.repos.history.of('interviews', s.id, s.actor)).find(
      (r) => r.seq > before.seq,
    )!;
    expect(Object.keys(revision.changes)).toEqual(['turns/t1']);
  });

  it('keeps the turns nobody typed into as the same objects, through a keystroke and its save', async () => {
    // What lets the form render only the turn being typed into (useEditorState compares by
    // identity): a change anywhere else would redraw all of a 200-turn interview at every key.
    const s = await setup();
    const saver = await s.open();
    const shown = () => saver.getState().values.turns as { text: string }[];
    const [first, second] = shown();
    saver.change({ turns: [first, { ...second!, text: '答：没有。' }] });
    expect(shown()[0]).toBe(first);
    expect(shown()[1]).not.toBe(second);
    expect(shown()[1]!.text).toBe('答：没有。');
    const typed = shown()[1];
    await until(() => saver.getState().status === 'saved');
    // The saved record came back from the database as new objects: equal parts are kept.
    expect(shown()[0]).toBe(first);
    expect(shown()[1]).toBe(typed);
    expect(s.texts(await s.stored())).toEqual(['问：', '答：没有。']);
  });

  it('lets two windows edit different turns of one record, each following the other', async () => {
    const s = await setup();
    const a = await s.open();
    const b = await s.open();
    const stopA = watchQuery(
      () => s.store.get(s.id),
      (r) => a.received(r),
    );
    const stopB = watchQuery(
      () => s.store.get(s.id),
      (r) => b.received(r),
    );
    const edit = (saver: Autosaver, index: number, text: string) => {
      const turns = (saver.getState().values.turns as ReturnType<typeof t>[]).map((x, i) =>
        i === index ? { ...x, text } : x,
      );
      saver.change({ turns });
    };
    edit(a, 0, '问：食堂采购谁负责？');
    edit(b, 1, '答：后勤主任。');
    await until(() => a.getState().status === 'saved' && b.getState().status === 'saved');
    expect(s.texts(await s.stored())).toEqual(['问：食堂采购谁负责？', '答：后勤主任。']);
    await until(() => s.texts(a.getState().values)[1] === '答：后勤主任。');
    await until(() => s.texts(b.getState().values)[0] === '问：食堂采购谁负责？');
    expect(a.getState().changedElsewhere).toBe(true);
    stopA();
    stopB();
  });

  it('replays a journal entry typed against the stored version: the write never happened', async () => {
    const s = await setup();
    const current = await s.stored();
    const entry: JournalEntry = {
      patch: { 'turns/t2': t('t2', 'a1', '答：存在私车公养。', 'a') },
      base: current.vv,
      baseSeq: current.seq,
      at: '2026-11-23T02:00:00.000Z',
    };
    s.journal.note('interviews', s.id, entry);
    const saver = await s.open();
    expect(s.texts(saver.getState().values)).toEqual(['问：', '答：存在私车公养。']);
    await until(() => saver.getState().status === 'saved');
    expect(s.texts(await s.stored())).toEqual(['问：', '答：存在私车公养。']);
    expect(saver.getState().aside).toEqual([]);
  });

  it('recovers typing from the database’s journal when localStorage never reached the disk', async () => {
    const s = await setup();
    const current = await s.stored();
    // Typed, noted in both halves of the journal, never saved in the record…
    s.journal.note('interviews', s.id, {
      patch: { place: '中心校会议室' },
      base: current.vv,
      baseSeq: current.seq,
      at: new Date().toISOString(),
    });
    s.storage.items.clear(); // …and the browser killed before it wrote localStorage to disk
    const reopened = await s.open();
    expect(reopened.getState().values.place).toBe('中心校会议室');
    await until(() => reopened.getState().status === 'saved');
    expect((await s.stored()).place).toBe('中心校会议室');
  });

  it('never lets a journal older than the stored text overwrite it (the crash case)', async () => {
    const s = await setup();
    const old = await s.stored();
    // What Chromium last wrote to disk of the journal: an early draft of the answer…
    const stale: JournalEntry = {
      patch: { 'turns/t2': t('t2', 'a1', '答：存在', 'a') },
      base: old.vv,
      baseSeq: old.seq,
      at: '2026-11-23T02:00:00.000Z',
    };
    // …while IndexedDB committed the answer as typed since.
    await s.repos.records.patch(
      'interviews',
      s.id,
      { 'turns/t2': t('t2', 'a1', '答：存在私车公养问题。', 'a') },
      s.actor,
      today,
    );
    s.journal.note('interviews', s.id, stale);
    const saver = await s.open();
    expect(s.texts(saver.getState().values)).toEqual(['问：', '答：存在私车公养问题。']);
    expect(saver.getState().aside).toEqual([]);
    expect(await s.journal.read('interviews', s.id)).toBeNull();
    await new Promise((r) => setTimeout(r, 30));
    expect(s.texts(await s.stored())).toEqual(['问：', '答：存在私车公养问题。']);
  });

  it('keeps aside, and shows, edits typed against a version another laptop changed since', async () => {
    const s = await setup();
    const old = await s.stored();
    s.journal.note('interviews', s.id, {
      patch: { 'turns/t1': t('t1', 'a0', '问：本机输入'), place: '会议室' },
      base: old.vv,
      baseSeq: old.seq,
      at: '2026-11-23T02:00:00.000Z',
    });
    // Meanwhile a package from another laptop changed turn t1.
    const theirs = patchRecord(
      old,
      { 'turns/t1': t('t1', 'a0', '问：对方输入') },
      { now: '2026-11-23T03:00:00.000Z', deviceId: 'OTHER', memberId: s.actor.memberId },
      COLLECTIONS.interviews,
    )!.record;
    await s.repos.sync.storeForeign({ rows: [{ table: 'interviews', row: theirs }] });

    const saver = await s.open();
    const state = saver.getState();
    expect(s.texts(state.values)).toEqual(['问：对方输入', '答：']);
    expect(state.values.place).toBe('会议室'); // untouched since: applied
    expect(state.aside).toHaveLength(1);
    expect(state.aside[0]!.patch).toEqual({ 'turns/t1': t('t1', 'a0', '问：本机输入') });
    saver.restoreAside();
    await until(() => saver.getState().status === 'saved');
    expect(s.texts(await s.stored())).toEqual(['问：本机输入', '答：']);
    expect(await s.journal.aside('interviews', s.id)).toEqual([]);
  });

  it('stops, says so, and keeps the edits when the record was deleted meanwhile', async () => {
    const s = await setup();
    const saver = await s.open();
    await s.repos.records.remove('interviews', s.id, s.actor); // in another window
    saver.change({ place: '村委会' });
    await until(() => saver.getState().status === 'stopped');
    const { failure, aside } = saver.getState();
    expect(failure?.message).toMatch(/^未保存：记录不存在或已删除/);
    expect(aside[0]!.patch).toEqual({ place: '村委会' });
    const calls = s.calls();
    saver.change({ place: '村委会二楼' });
    await new Promise((r) => setTimeout(r, 60));
    expect(s.calls()).toBe(calls); // no retrying a refusal forever
  });

  it('says in Chinese that a full disk stopped saving, keeps the text, and saves once space returns', async () => {
    const s = await setup();
    const saver = await s.open();
    // What Chromium says when its database log cannot grow (measured on a full tmpfs).
    const quota = Object.assign(
      new Error('Connection is closing because of: IO error: 000003.log: FILE_ERROR_NO_SPACE'),
      {
        name: 'UnknownError',
      },
    );
    s.fail(quota);
    saver.change({ place: '学校会议室' });
    await until(() => saver.getState().status === 'error');
    const { failure } = saver.getState();
    expect(failure?.message).toMatch(/^未保存：磁盘空间不足/);
    expect(failure?.message).not.toMatch(/[A-Za-z]/);
    expect(saver.getState().values.place).toBe('学校会议室');
    expect((await s.journal.read('interviews', s.id))?.patch).toEqual({ place: '学校会议室' });
    const tries = s.calls();
    await until(() => s.calls() > tries + 1); // retrying by itself
    s.fail(null); // space freed
    await until(() => saver.getState().status === 'saved');
    expect((await s.stored()).place).toBe('学校会议室');
    expect(await s.journal.read('interviews', s.id)).toBeNull();
  });

  it('stops writing when a newer version of the app closed the database, keeping the journal', async () => {
    const s = await setup();
    const saver = await s.open();
    s.newerVersion();
    s.fail(Object.assign(new Error('closed'), { name: 'DatabaseClosedError' }));
    saver.change({ place: '乡政府' });
    await until(() => saver.getState().status === 'stopped');
    expect(saver.getState().failure?.message).toMatch(/新版本/);
    expect((await s.journal.read('interviews', s.id))?.patch).toEqual({ place: '乡政府' });
  });

  it('keeps a refused value on screen beside its message, and says what was not saved', async () => {
    const s = await setup();
    const saver = await s.open();
    saver.change({ startTime: '10:00' });
    await until(() => saver.getState().status === 'saved');
    saver.change({ endTime: '09:00', place: '会议室' });
    await until(
      () => saver.getState().status === 'saved' && saver.getState().values.place === '会议室',
    );
    const state = saver.getState();
    expect(state.refused).toEqual({ endTime: '结束时间不能早于开始时间' });
    expect(state.values.endTime).toBe('09:00');
    expect((await s.stored()).endTime).toBe('');
  });

  it('keeps a refused value aside when the form closes, and offers it back at the next opening', async () => {
    const s = await setup();
    const saver = await s.open();
    saver.change({ startTime: '10:00' });
    await until(() => saver.getState().status === 'saved');
    saver.change({ endTime: '09:00' });
    await until(() => Object.keys(saver.getState().refused).length > 0);
    await saver.leave();
    saver.dispose();
    const again = await s.open();
    expect(again.getState().aside).toEqual([
      expect.objectContaining({ patch: { endTime: '09:00' }, reason: 'refused' }),
    ]);
    again.restoreAside();
    await until(() => again.getState().status === 'saved');
    // Back on screen beside its message, to be corrected; still not written.
    expect(again.getState().values.endTime).toBe('09:00');
    expect(again.getState().refused).toEqual({ endTime: '结束时间不能早于开始时间' });
    expect((await s.stored()).endTime).toBe('');
  });
});
