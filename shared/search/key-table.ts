const EMPTY = -1;

/**
 * Bigram → list id: an open-addressing hash table on two Int32Arrays. A JS Map of a few
 * hundred thousand bigrams costs ~50 bytes an entry and, with keys above 2³⁰, hashes boxed
 * doubles; this costs 16 bytes a key at most and no garbage. Keys are never deleted: a bigram
 * whose postings are all removed keeps an empty list until the index is rebuilt.
 */
export class KeyTable {
  private keys = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 12).fill(EMPTY);
  private bits = 12;
  private size = 0;

  /** The id stored for `key`, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = this.slot(key); ; i = (i + 1) & mask) {
      const id = this.ids[i]!;
      if (id === EMPTY || this.keys[i] === key) return id;
    }
  }

  /** Stores a new key (one that `get` does not know). */
  add(key: number, id: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = this.slot(key);
    while (this.ids[i] !== EMPTY) i = (i + 1) & mask;
    this.keys[i] = key;
    this.ids[i] = id;
    this.size++;
  }

  get bytes(): number {
    return this.keys.byteLength + this.ids.byteLength;
  }

  /** Fibonacci hashing: the top bits of key × 2³²/φ spread neighbouring bigrams apart. */
  private slot(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
  }

  private grow(): void {
    const { keys, ids } = this;
    this.bits++;
    this.keys = new Int32Array(1 << this.bits);
    this.ids = new Int32Array(1 << this.bits).fill(EMPTY);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (ids[i] !== EMPTY) this.add(keys[i]!, ids[i]!);
  }
}
