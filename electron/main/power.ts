/**
 * Locking the app with the laptop (issue 16): when the system suspends or its screen locks,
 * every window is told to lock, so a laptop closed on a hotel desk wakes to the lock screen
 * with the keys already gone from memory. Takes Electron's powerMonitor and a way to reach the
 * windows, so it is tested without Electron.
 */
import { events, type SystemLockReason } from '../../shared/ipc/contract';

/** What this module needs of Electron's powerMonitor: its two events. */
export interface PowerEvents {
  on(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'lock-screen', listener: () => void): unknown;
}

/** What it needs of a window: to send it a message. */
export interface LockTarget {
  isDestroyed(): boolean;
  send(channel: string, payload: unknown): void;
}

/** Sends the lock to every live window at suspend and screen lock; returns the unsubscribe. */
export function lockWithSystem(power: PowerEvents, targets: () => readonly LockTarget[]) {
  const tell = (reason: SystemLockReason) => () => {
    const payload = events.systemLock.payload.parse({ reason });
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(events.systemLock.channel, payload);
    }
  };
  const onSuspend = tell('suspend');
  const onLockScreen = tell('lock-screen');
  power.on('suspend', onSuspend);
  power.on('lock-screen', onLockScreen);
  return () => {
    power.removeListener('suspend', onSuspend);
    power.removeListener('lock-screen', onLockScreen);
  };
}
