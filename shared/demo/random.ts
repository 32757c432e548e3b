/**
 * Seeded randomness for generated data (the demo case, benchmark corpora): the same seed gives
 * the same bytes on every machine, so nothing here reads a clock or a system random source.
 */

export type Random = () => number;

/** mulberry32: small, fast, and good enough to pick words. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

/** A whole number from `min` to `max`, both included. */
export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function chance(random: Random, p: number): boolean {
  return random() < p;
}

/** A shuffled copy (Fisher–Yates). */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID (what the app makes ids with) for a write at `time`, its random part drawn from
 * `random`: 10 characters of milliseconds, 16 of randomness, Crockford's base 32.
 */
export function ulidAt(time: string, random: Random): string {
  let ms = Date.parse(time);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`not a time: ${time}`);
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[ms % 32]! + head;
    ms = Math.floor(ms / 32);
  }
  let tail = '';
  for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(random() * 32)]!;
  return head + tail;
}
