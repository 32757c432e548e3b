/**
 * Tiny but valid image files, built byte by byte so generated cases can carry photos and scans
 * without files on disk or a canvas: a PNG (stored, uncompressed deflate blocks) and a baseline
 * JPEG whose 8×8 blocks are each one flat colour (only DC coefficients are coded).
 */

export type Rgb = readonly [r: number, g: number, b: number];

/** An appendable byte string: small writes go to a number list, large ones are kept whole. */
class Bytes {
  private readonly parts: Uint8Array[] = [];
  private small: number[] = [];
  byte(...values: number[]) {
    for (const v of values) this.small.push(v & 0xff);
    return this;
  }
  u16(v: number) {
    return this.byte(v >>> 8, v);
  }
  u32(v: number) {
    return this.byte(v >>> 24, v >>> 16, v >>> 8, v);
  }
  ascii(text: string) {
    for (const c of text) this.small.push(c.charCodeAt(0));
    return this;
  }
  bytes(values: Uint8Array | readonly number[]) {
    this.flush();
    this.parts.push(Uint8Array.from(values));
    return this;
  }
  private flush() {
    if (this.small.length > 0) this.parts.push(Uint8Array.from(this.small));
    this.small = [];
  }
  done(): Uint8Array<ArrayBuffer> {
    this.flush();
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG (and zip) define it. */
export function crc32(bytes: ArrayLike<number>): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: ArrayLike<number>): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(data: Uint8Array): Bytes {
  const out = new Bytes().byte(0x78, 0x01);
  const MAX = 0xffff;
  for (let at = 0; at < data.length || at === 0; at += MAX) {
    const chunk = data.subarray(at, at + MAX);
    const final = at + MAX >= data.length ? 1 : 0;
    out.byte(final).byte(chunk.length, chunk.length >>> 8);
    out.byte(~chunk.length, ~chunk.length >>> 8).bytes(chunk);
    if (data.length === 0) break;
  }
  return out.u32(adler32(data));
}

/** A PNG, 8-bit RGB, each pixel's colour from `pixel(x, y)`. */
export function png(width: number, height: number, pixel: (x: number, y: number) => Rgb) {
  const raw = new Uint8Array(height * (1 + width * 3));
  let i = 0;
  for (let y = 0; y < height; y++) {
    raw[i++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[i++] = r;
      raw[i++] = g;
      raw[i++] = b;
    }
  }
  const out = new Bytes().byte(0x89).ascii('PNG').byte(0x0d, 0x0a, 0x1a, 0x0a);
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Bytes().ascii(type).bytes(data).done();
    out.u32(data.length).bytes(body).u32(crc32(body));
  };
  chunk('IHDR', new Bytes().u32(width).u32(height).byte(8, 2, 0, 0, 0).done());
  chunk('IDAT', zlibStored(raw).done());
  chunk('IEND', new Uint8Array(0));
  return out.done();
}

/** Annex K's DC table: code lengths 1–16 and the categories they code. */
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** An AC table with one code, "0", for end-of-block: every block is flat. */
const AC_BITS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALUES = [0x00];

/** Huffman codes of a table given as JPEG stores it: value → [code, length]. */
function huffmanCodes(bits: readonly number[], values: readonly number[]) {
  const codes = new Map<number, [code: number, length: number]>();
  let code = 0;
  let k = 0;
  bits.forEach((count, i) => {
    for (let n = 0; n < count; n++) codes.set(values[k++]!, [code++, i + 1]);
    code <<= 1;
  });
  return codes;
}

class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private used = 0;
  write(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >>> i) & 1);
      if (++this.used === 8) this.flushByte();
    }
  }
  private flushByte() {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00); // byte stuffing
    this.acc = 0;
    this.used = 0;
  }
  done(): number[] {
    while (this.used !== 0) this.write(1, 1); // pad with ones
    return this.out;
  }
}

/**
 * A baseline JPEG of `blocksWide` × `blocksHigh` 8×8 blocks, each of one flat colour, YCbCr
 * without subsampling. Flat blocks need only their DC coefficient: with a quantiser of 8 it is
 * the level-shifted sample itself.
 */
export function jpeg(
  blocksWide: number,
  blocksHigh: number,
  block: (bx: number, by: number) => Rgb,
) {
  const dc = huffmanCodes(DC_BITS, DC_VALUES);
  const eob = huffmanCodes(AC_BITS, AC_VALUES).get(0)!;
  const out = new Bytes().byte(0xff, 0xd8);
  out.byte(0xff, 0xe0).u16(16).ascii('JFIF').byte(0, 1, 1, 0).u16(1).u16(1).byte(0, 0);
  out.byte(0xff, 0xdb).u16(67).byte(0x00);
  for (let i = 0; i < 64; i++) out.byte(8);
  out
    .byte(0xff, 0xc0)
    .u16(17)
    .byte(8)
    .u16(blocksHigh * 8)
    .u16(blocksWide * 8)
    .byte(3);
  for (const id of [1, 2, 3]) out.byte(id, 0x11, 0);
  const table = (tc: number, bits: readonly number[], values: readonly number[]) => {
    out
      .byte(0xff, 0xc4)
      .u16(2 + 1 + 16 + values.length)
      .byte(tc << 4);
    out.bytes(bits).bytes(values);
  };
  table(0, DC_BITS, DC_VALUES);
  table(1, AC_BITS, AC_VALUES);
  out.byte(0xff, 0xda).u16(12).byte(3);
  for (const id of [1, 2, 3]) out.byte(id, 0x00);
  out.byte(0, 63, 0);

  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (let by = 0; by < blocksHigh; by++) {
    for (let bx = 0; bx < blocksWide; bx++) {
      const samples = ycbcr(block(bx, by));
      samples.forEach((sample, c) => {
        const value = Math.round(sample) - 128;
        const diff = value - previous[c]!;
        previous[c] = value;
        const size = diff === 0 ? 0 : Math.floor(Math.log2(Math.abs(diff))) + 1;
        const [code, length] = dc.get(size)!;
        bits.write(code, length);
        if (size > 0) bits.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
        bits.write(eob[0], eob[1]);
      });
    }
  }
  out.bytes(bits.done()).byte(0xff, 0xd9);
  return out.done();
}

function ycbcr([r, g, b]: Rgb): [number, number, number] {
  const clamp = (v: number) => Math.min(255, Math.max(0, v));
  return [
    clamp(0.299 * r + 0.587 * g + 0.114 * b),
    clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b),
    clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b),
  ];
}
