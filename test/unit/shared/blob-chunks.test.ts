// A file's bytes as the laptop stores them (issue 16): sealed in chunks, opened as read.
import { describe, expect, it } from 'vitest';
import { buf as crcOf } from 'crc-32';
import { openChunks, openedChunks, sealChunks } from '../../../shared/rest/blobChunks';
import { newDataKey } from '../../../shared/rest/caseKeys';
import { seal, Unreadable } from '../../../shared/rest/seal';

const SHA = 'a'.repeat(64);
const CHUNK = 64 * 1024;

function bytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 7 + (i >> 8)) & 0xff;
  return out;
}

async function plainOf(key: Uint8Array, sealed: Blob, sha = SHA) {
  return new Uint8Array(await (await openChunks(key, sealed, sha, '')).arrayBuffer());
}

describe('sealed file chunks', () => {
  it('open to the same bytes at every size around a chunk, and report the plain size', async () => {
    const key = newDataKey();
    for (const n of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK * 13 + 17]) {
      const plain = bytes(n);
      const { sealed, crc32 } = await sealChunks(key, new Blob([plain]), SHA);
      expect(sealed.size).toBeGreaterThan(n);
      expect(crc32, 'the plain bytes’ CRC-32, for a ZIP of them').toBe(crcOf(plain) >>> 0);
      expect(Buffer.from(await plainOf(key, sealed)).equals(plain), `${n} bytes`).toBe(true);
      expect((await openedChunks(key, sealed, SHA)).size).toBe(n);
    }
  });

  it('hold none of the plain bytes', async () => {
    const plain = new TextEncoder().encode('谈话记录：挪用工程款八十万元'.repeat(500));
    const sealed = new Uint8Array(
      await (await sealChunks(newDataKey(), new Blob([plain]), SHA)).sealed.arrayBuffer(),
    );
    expect(Buffer.from(sealed).includes(Buffer.from(plain.subarray(0, 24)))).toBe(false);
  });

  it('refuse a changed byte, chunks swapped, a chunk cut off, another file or another key', async () => {
    const key = newDataKey();
    const sealed = new Uint8Array(
      await (await sealChunks(key, new Blob([bytes(3 * CHUNK)]), SHA)).sealed.arrayBuffer(),
    );
    const chunk = sealed.length / 3;
    const flipped = Uint8Array.from(sealed);
    flipped[chunk + 100]! ^= 1;
    const swapped = new Uint8Array([
      ...sealed.subarray(chunk, 2 * chunk),
      ...sealed.subarray(0, chunk),
      ...sealed.subarray(2 * chunk),
    ]);
    const cut = sealed.subarray(0, 2 * chunk);
    for (const bad of [flipped, swapped, cut]) {
      await expect(plainOf(key, new Blob([bad]))).rejects.toBeInstanceOf(Unreadable);
    }
    await expect(plainOf(key, new Blob([sealed]), 'b'.repeat(64))).rejects.toBeInstanceOf(
      Unreadable,
    );
    await expect(plainOf(newDataKey(), new Blob([sealed]))).rejects.toBeInstanceOf(Unreadable);
  });

  it('still open files sealed by the first version (XChaCha20-Poly1305 chunks)', async () => {
    const key = newDataKey();
    const plain = bytes(2 * CHUNK + 5);
    const context = (i: number, last: boolean) => `blob/${SHA}/${i}/${last ? 'last' : 'more'}`;
    const old = new Blob([
      seal(key, plain.subarray(0, CHUNK), context(0, false)),
      seal(key, plain.subarray(CHUNK, 2 * CHUNK), context(1, false)),
      seal(key, plain.subarray(2 * CHUNK), context(2, true)),
    ] as BlobPart[]);
    expect(await plainOf(key, old)).toEqual(plain);
    expect((await openedChunks(key, old, SHA)).size).toBe(plain.length);
  });
});
