import { KeyTable } from './key-table';
import { PostingArena } from './posting-arena';

const NONE = -1;

/**
 * The inverted index: for every UTF-16 unit and every pair of adjacent units, the sorted
 * positions where it occurs. Positions make matching exact without reading the documents
 * again (see match.ts). Units index their lists directly; bigrams go through a hash table
 * keyed by `first << 16 | second`.
 */
export class PostingTable {
  private readonly arena = new PostingArena();
  private readonly unigramIds = new Int32Array(0x10000).fill(NONE);
  private readonly bigramIds = new KeyTable();
  /** By list id: postings `plan` counted and `reserve` has not made room for yet. */
  private planned = new Int32Array(0);

  /** Adds the postings of one field whose first unit sits at position `start`. */
  add(units: Uint16Array, start: number): void {
    const n = units.length;
    for (let i = 0; i < n; i++) {
      this.arena.push(this.unigramId(units[i]!), start + i);
      if (i + 1 < n) this.arena.push(this.bigramId((units[i]! << 16) | units[i + 1]!), start + i);
    }
  }

  /**
   * Removes every posting in [from, to) under the keys that `units` contains: the field
   * must be the one added, so its keys are exactly the lists that hold the document.
   */
  remove(units: Uint16Array, from: number, to: number): void {
    const n = units.length;
    for (let i = 0; i < n; i++) {
      const unit = units[i]!;
      const id = this.unigramIds[unit]!;
      if (id !== NONE) this.arena.removeRange(id, from, to);
      if (i + 1 === n) break;
      const pair = this.bigramIds.get((unit << 16) | units[i + 1]!);
      if (pair !== NONE) this.arena.removeRange(pair, from, to);
    }
  }

  /** Positions of one unit (a view: valid until the table changes). */
  unigram(unit: number): Int32Array | undefined {
    const id = this.unigramIds[unit]!;
    return id === NONE ? undefined : this.arena.view(id);
  }

  /** Positions where `first` is followed by `second` (a view: valid until the table changes). */
  bigram(first: number, second: number): Int32Array | undefined {
    const id = this.bigramIds.get((first << 16) | second);
    return id === NONE ? undefined : this.arena.view(id);
  }

  /**
   * Counts the postings a field will add, so that `reserve` can size every list before a
   * bulk load: filling lists that never move is several times faster than growing them.
   */
  plan(units: Uint16Array): void {
    const n = units.length;
    for (let i = 0; i < n; i++) {
      this.planOne(this.unigramId(units[i]!));
      if (i + 1 < n) this.planOne(this.bigramId((units[i]! << 16) | units[i + 1]!));
    }
  }

  /** Makes the room planned (and gives back any other): before and after a bulk load. */
  reserve(): void {
    this.arena.reshape(this.planned);
    this.planned = new Int32Array(0);
  }

  private unigramId(unit: number): number {
    let id = this.unigramIds[unit]!;
    if (id === NONE) {
      id = this.arena.newList();
      this.unigramIds[unit] = id;
    }
    return id;
  }

  private bigramId(key: number): number {
    let id = this.bigramIds.get(key);
    if (id === NONE) {
      id = this.arena.newList();
      this.bigramIds.add(key, id);
    }
    return id;
  }

  private planOne(id: number): void {
    if (id >= this.planned.length) {
      const bigger = new Int32Array(Math.max(1024, (id + 1) * 2));
      bigger.set(this.planned);
      this.planned = bigger;
    }
    this.planned[id]!++;
  }

  /** Bytes held, for the benchmark. */
  get bytes(): number {
    return this.arena.bytes + this.unigramIds.byteLength + this.bigramIds.bytes;
  }
}
