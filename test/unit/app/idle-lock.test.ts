import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleLockMs, setIdleLockMinutes, watchIdle } from '../../../renderer/app/idleLock';
import { memoryStorage } from '../../support/memoryStorage';

/** A window and a document that the test fires events on. */
function page() {
  const target = () => {
    const listeners = new Map<string, Set<() => void>>();
    return {
      addEventListener: (type: string, l: () => void) =>
        void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(l),
      removeEventListener: (type: string, l: () => void) => void listeners.get(type)?.delete(l),
      fire: (type: string) => listeners.get(type)?.forEach((l) => l()),
      count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    };
  };
  return { window: target(), document: Object.assign(target(), { visibilityState: 'visible' }) };
}

describe('the idle lock', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('locks once after the idle time without activity, and activity puts it off', () => {
    const p = page();
    const onIdle = vi.fn();
    const stop = watchIdle({ idleMs: () => 60_000, onIdle, now: Date.now, ...p });
    vi.advanceTimersByTime(45_000);
    p.window.fire('keydown'); // typing: the clock starts again
    vi.advanceTimersByTime(45_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
    expect(p.window.count() + p.document.count()).toBe(0);
  });

  it('locks at once when the page comes back after longer than the idle time', () => {
    const p = page();
    const onIdle = vi.fn();
    let now = 0;
    watchIdle({ idleMs: () => 600_000, onIdle, now: () => now, ...p });
    // Hidden: the browser held the timers back, so no interval ran while the laptop slept.
    p.document.visibilityState = 'hidden';
    now = 700_000;
    p.document.visibilityState = 'visible';
    p.document.fire('visibilitychange');
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('reads the chosen idle time, and the default for anything else', () => {
    const storage = memoryStorage();
    expect(idleLockMs(storage)).toBe(600_000);
    setIdleLockMinutes(storage, 5);
    expect(idleLockMs(storage)).toBe(300_000);
    for (const bad of ['0', '-1', 'abc', '1e12', '']) {
      storage.setItem('xuncha:idleLockMs', bad);
      expect(idleLockMs(storage)).toBe(600_000);
    }
    expect(idleLockMs(undefined)).toBe(600_000);
  });
});
