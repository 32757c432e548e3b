/**
 * The idle lock (issue 16): after a time without keyboard, mouse or touch (10 minutes unless the
 * user chose otherwise), the app locks. Timers of a hidden page may be held back by the
 * browser, so the check also runs when the page becomes visible again: a laptop left with the
 * app in the background for longer than the idle time comes back locked.
 */

export const IDLE_LOCK_DEFAULT_MINUTES = 10;
/** The choices offered; the setting is this laptop's, kept in localStorage (it is no secret). */
export const IDLE_LOCK_CHOICES = [1, 5, 10, 15, 30, 60] as const;
const SETTING = 'xuncha:idleLockMs';

/** The idle time in milliseconds: the stored one when it is a sane number, else the default. */
export function idleLockMs(storage: Pick<Storage, 'getItem'> | undefined): number {
  const stored = Number(storage?.getItem(SETTING) ?? NaN);
  return Number.isFinite(stored) && stored >= 1_000 && stored <= 24 * 3_600_000
    ? stored
    : IDLE_LOCK_DEFAULT_MINUTES * 60_000;
}

export function setIdleLockMinutes(storage: Pick<Storage, 'setItem'>, minutes: number): void {
  storage.setItem(SETTING, String(minutes * 60_000));
}

const ACTIVITY = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

interface Watched {
  addEventListener(type: string, listener: () => void, options?: AddEventListenerOptions): void;
  removeEventListener(type: string, listener: () => void): void;
}

export interface IdleWatch {
  readonly idleMs: () => number;
  readonly onIdle: () => void;
  readonly now?: () => number;
  readonly window?: Watched;
  readonly document?: Watched & { readonly visibilityState: string };
}

/** Calls onIdle once the page has seen no activity for idleMs; returns the stop. */
export function watchIdle({
  idleMs,
  onIdle,
  now = Date.now,
  window: win = window,
  document: doc = document,
}: IdleWatch): () => void {
  let last = now();
  let fired = false;
  const active = () => {
    last = now();
  };
  const check = () => {
    if (!fired && now() - last >= idleMs()) {
      fired = true;
      onIdle();
    }
  };
  const onVisible = () => doc.visibilityState === 'visible' && check();
  for (const type of ACTIVITY) win.addEventListener(type, active, { passive: true });
  doc.addEventListener('visibilitychange', onVisible);
  const timer = setInterval(check, Math.min(15_000, Math.max(250, idleMs() / 4)));
  return () => {
    clearInterval(timer);
    for (const type of ACTIVITY) win.removeEventListener(type, active);
    doc.removeEventListener('visibilitychange', onVisible);
  };
}
