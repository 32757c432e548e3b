import { afterEach, describe, expect, it } from 'vitest';
import {
  CRITICAL_BYTES,
  LOW_BYTES,
  classifyWriteFailure,
  freeFromEstimate,
  storageLevel,
} from '../../../renderer/app/storageLevel';
import {
  noteWriteFailed,
  noteWriteSucceeded,
  setStorageProbe,
  useStorageHealth,
} from '../../../renderer/app/storageHealth';
import { zh } from '../../../shared/i18n/zh-CN';

const MB = 1024 * 1024;

describe('storageLevel', () => {
  it('is ok with room to spare, low below 200 MB, critical below 20 MB', () => {
    expect(storageLevel(10 * 1024 * MB)).toBe('ok');
    expect(storageLevel(LOW_BYTES)).toBe('ok');
    expect(storageLevel(LOW_BYTES - 1)).toBe('low');
    expect(storageLevel(CRITICAL_BYTES)).toBe('low');
    expect(storageLevel(CRITICAL_BYTES - 1)).toBe('critical');
    expect(storageLevel(0)).toBe('critical');
  });

  it('says nothing when the room is unknown', () => {
    expect(storageLevel(null)).toBe('ok');
  });

  it('is critical after a write failed for lack of room, whatever the figure says', () => {
    // Chromium reports usage + 10 GiB while the disk is full.
    expect(storageLevel(10 * 1024 * MB, true)).toBe('critical');
    expect(storageLevel(null, true)).toBe('critical');
  });
});

describe('freeFromEstimate', () => {
  it('is quota minus usage, never negative', () => {
    expect(freeFromEstimate({ quota: 500_000, usage: 498_000 })).toBe(2_000);
    expect(freeFromEstimate({ quota: 500_000, usage: 600_000 })).toBe(0);
  });

  it('is unknown when the browser leaves a figure out', () => {
    expect(freeFromEstimate({})).toBeNull();
    expect(freeFromEstimate({ quota: 1 })).toBeNull();
  });
});

/** What Chromium 156 and Dexie threw in the full-disk runs (messages copied from them). */
const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('classifyWriteFailure', () => {
  it('knows each way Chromium says the disk or the quota is full', () => {
    const seen = [
      domError('QuotaExceededError', ''),
      domError('QuotaExceededError', 'Encountered disk full while committing transaction.'),
      domError(
        'UnknownError',
        'Connection is closing because of: IO error: .../000003.log: FILE_ERROR_NO_SPACE (ChromeMethodBFE: 3::WritableFileAppend::8)',
      ),
      domError('DataError', 'Failed to write blobs (IOError)'),
    ];
    for (const error of seen) expect(classifyWriteFailure(error)).toBe('space');
  });

  it('looks inside what Dexie wraps', () => {
    const inner = domError('QuotaExceededError', '');
    const wrapped = Object.assign(domError('AbortError', 'Transaction aborted'), { inner });
    expect(classifyWriteFailure(wrapped)).toBe('space');
  });

  it('tells a closed database from a full disk', () => {
    // Reopening fails this way on a full disk, before any write may have named the disk.
    expect(
      classifyWriteFailure(
        domError('UnknownError', 'Internal error opening backing store for indexedDB.open.'),
      ),
    ).toBe('space');
    const seen = [
      domError(
        'InvalidStateError',
        "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.",
      ),
      domError('DatabaseClosedError', 'Database has been closed'),
    ];
    for (const error of seen) expect(classifyWriteFailure(error)).toBe('closed');
  });

  it('leaves anything else alone', () => {
    expect(classifyWriteFailure(domError('ValidationError', '请填写姓名'))).toBe('other');
    expect(classifyWriteFailure('boom')).toBe('other');
    expect(classifyWriteFailure(undefined)).toBe('other');
  });
});

describe('write failures and the warning', () => {
  afterEach(() => useStorageHealth.setState({ level: 'ok', freeBytes: null, spaceFailure: false }));

  it('counts a closed database as the full disk that closed it, until a write succeeds', () => {
    setStorageProbe(async () => 10 * 1024 * MB); // what Chromium reports on a full disk
    const closed = domError('DatabaseClosedError', 'Database has been closed');
    expect(noteWriteFailed(closed)).toBe(false);
    expect(useStorageHealth.getState().level).toBe('ok');

    expect(noteWriteFailed(domError('UnknownError', 'FILE_ERROR_NO_SPACE'))).toBe(true);
    expect(noteWriteFailed(closed)).toBe(true);
    expect(useStorageHealth.getState()).toMatchObject({ level: 'critical', spaceFailure: true });

    noteWriteSucceeded();
    expect(useStorageHealth.getState()).toMatchObject({ level: 'ok', spaceFailure: false });
  });
});

describe('the words', () => {
  it('say how much room is left the way a file manager does', () => {
    expect(zh.storage.size(12.7)).toBe('约 12 MB');
    expect(zh.storage.size(1536)).toBe('约 1.5 GB');
    expect(zh.storage.size(0.06)).toBe('不足 1 MB');
    expect(zh.storage.lowTitle(zh.storage.size(150))).toBe('本机存储空间不多了，剩余约 150 MB');
    expect(zh.autosave.diskFull).toMatch(/^未保存：磁盘空间不足/);
  });
});
