import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockWithSystem, type LockTarget } from '../../../electron/main/power';
import { events } from '../../../shared/ipc/contract';

function windowStub(destroyed = false) {
  const sent: [string, unknown][] = [];
  const target: LockTarget = {
    isDestroyed: () => destroyed,
    send: (channel, payload) => void sent.push([channel, payload]),
  };
  return { target, sent };
}

describe('locking with the system', () => {
  it('tells every live window to lock at suspend and at screen lock, and stops when asked', () => {
    const power = new EventEmitter();
    const open = windowStub();
    const closed = windowStub(true);
    const stop = lockWithSystem(power, () => [open.target, closed.target]);
    power.emit('suspend');
    power.emit('lock-screen');
    power.emit('resume'); // not a reason to lock
    expect(open.sent).toEqual([
      [events.systemLock.channel, { reason: 'suspend' }],
      [events.systemLock.channel, { reason: 'lock-screen' }],
    ]);
    expect(closed.sent).toEqual([]);
    stop();
    power.emit('suspend');
    expect(open.sent).toHaveLength(2);
    expect(power.listenerCount('suspend')).toBe(0);
  });

  it('has the page parse what it is told: no reason outside the list reaches it', () => {
    for (const bad of [{ reason: 'other' }, { reason: '' }, null, 'suspend', {}]) {
      expect(events.systemLock.payload.safeParse(bad).success).toBe(false);
    }
  });
});
