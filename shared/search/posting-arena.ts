import { lowerBound } from './sorted';

/**
 * Every posting list of the index in one Int32Array, each list a slice of it.
 *
 * Why one array: real Chinese text has hundreds of thousands of distinct bigrams, most of
 * them seen once or twice. A typed array per list costs ~300 bytes before its first posting
 * (measured in V8), a plain array ~110 bytes; here a list costs three Int32 fields, and the
 * garbage collector sees a handful of objects instead of a million.
 *
 * A list that outgrows its slice moves to a slice half as large again at the end of the
 * array (or grows in place when it is the last one), leaving a hole behind; removing a
 * document leaves room inside its lists. When the array is full and less than half of it
 * holds postings, every list is copied into a new array without holes or spare room;
 * otherwise the array grows by a quarter. So memory stays within about twice the postings
 * through any run of edits, and a bulk load, which sizes every list first (`reshape`),
 * leaves no spare room at all.
 */
export class PostingArena {
  private data = new Int32Array(1 << 16);
  /** End of the part of `data` handed out to lists. */
  private top = 0;
  /** Postings held, over all lists. */
  private live = 0;
  private starts = new Int32Array(1 << 10);
  private lengths = new Int32Array(1 << 10);
  private capacities = new Int32Array(1 << 10);
  private lists = 0;

  /** A new, empty list; returns its id. */
  newList(): number {
    if (this.lists === this.starts.length) {
      this.starts = grown(this.starts);
      this.lengths = grown(this.lengths);
      this.capacities = grown(this.capacities);
    }
    return this.lists++;
  }

  /** Appends `value`, which must be larger than every value in the list. */
  push(id: number, value: number): void {
    const length = this.lengths[id]!;
    if (length === this.capacities[id]!) this.enlarge(id);
    this.data[this.starts[id]! + length] = value;
    this.lengths[id] = length + 1;
    this.live++;
  }

  /** The list, without copying: valid until the arena next changes. */
  view(id: number): Int32Array {
    const start = this.starts[id]!;
    return this.data.subarray(start, start + this.lengths[id]!);
  }

  /** Drops every value in [from, to) from the list: one document's run. */
  removeRange(id: number, from: number, to: number): void {
    const start = this.starts[id]!;
    const end = start + this.lengths[id]!;
    const lo = lowerBound(this.data, end, from, start);
    const hi = lowerBound(this.data, end, to, lo);
    if (hi === lo) return;
    this.data.copyWithin(lo, hi, end);
    this.lengths[id] = this.lengths[id]! - (hi - lo);
    this.live -= hi - lo;
  }

  /**
   * Copies every list into a new array with room for exactly `extra[id]` more values (none
   * when `extra` is shorter), plus `headroom` values free at the end: after a bulk load, to
   * give memory back, and before one, so that no list moves while it fills.
   */
  reshape(extra: Int32Array, headroom = 0): void {
    const room = (id: number) => this.lengths[id]! + (id < extra.length ? extra[id]! : 0);
    let total = 0;
    for (let id = 0; id < this.lists; id++) total += room(id);
    const data = new Int32Array(Math.max(total + headroom, 1 << 10));
    let top = 0;
    for (let id = 0; id < this.lists; id++) {
      const start = this.starts[id]!;
      data.set(this.data.subarray(start, start + this.lengths[id]!), top);
      this.starts[id] = top;
      this.capacities[id] = room(id);
      top += room(id);
    }
    this.data = data;
    this.top = top;
  }

  /** Bytes held, for the benchmark. */
  get bytes(): number {
    return (
      this.data.byteLength +
      this.starts.byteLength +
      this.lengths.byteLength +
      this.capacities.byteLength
    );
  }

  private enlarge(id: number): void {
    const capacity = this.capacities[id]!;
    const wanted = capacity + Math.max(2, capacity >> 1);
    if (
      this.starts[id]! + capacity === this.top &&
      this.top - capacity + wanted <= this.data.length
    ) {
      // The last list grows in place.
      this.top += wanted - capacity;
      this.capacities[id] = wanted;
      return;
    }
    this.reserve(wanted);
    const start = this.starts[id]!;
    this.data.copyWithin(this.top, start, start + this.lengths[id]!);
    this.starts[id] = this.top;
    this.capacities[id] = wanted;
    this.top += wanted;
  }

  /** Makes room for `n` more values at the top: by packing the lists, or a larger array. */
  private reserve(n: number): void {
    if (this.top + n <= this.data.length) return;
    if (this.live * 2 < this.top) {
      this.reshape(new Int32Array(0), n + (this.live >> 2));
      return;
    }
    const data = new Int32Array(Math.max(this.top + n, Math.ceil(this.data.length * 1.25)));
    data.set(this.data.subarray(0, this.top));
    this.data = data;
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
