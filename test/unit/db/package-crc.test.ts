/**
 * A stored file's CRC-32 is taken once, when its bytes are sealed, and a package (or snapshot)
 * of it declares that one instead of reading the file again: the ZIP inside the age file must
 * still declare, for every file, the CRC-32 of its bytes, whether its row kept one or not (rows
 * stored before did not).
 */
import { describe, expect, it } from 'vitest';
import { buf as crcOf } from 'crc-32';
import { Decrypter } from 'age-encryption';
import { fileEntry } from '../../../shared/package/contents';
import { sha256Hex } from '../../../shared/package/digest';
import { caseWithLeader } from './helpers';
import { sealContents } from './packageHelpers';

/** A photo-like file: incompressible, so stored in the ZIP as it is. */
function photo(seed: number, size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = 2463534242 ^ seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Each entry's name and the CRC-32 its central directory declares. */
function declaredCrcs(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const out = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(zip.subarray(p + 46, p + 46 + nameLength));
    out.set(name, view.getUint32(p + 16, true));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

describe('a package of stored files', () => {
  it('declares each file’s CRC-32, kept with its row or taken as it is read', async () => {
    const { repos, caseId, actor } = await caseWithLeader();
    const visit = await repos.records.create('siteVisits', caseId, actor, '2026-11-23');
    const bytes = [photo(1, 200_000), photo(2, 70_000)];
    await repos.attachments.add(
      caseId,
      'siteVisits',
      visit.id,
      bytes.map((b, i) => ({
        name: `现场照片-${i}.jpg`,
        mime: 'image/jpeg',
        blob: new Blob([b], { type: 'image/jpeg' }),
        thumbnail: null,
      })),
      actor,
    );
    const lead = (await repos.members.get(actor.memberId))!;
    const { contents } = await repos.packages.outgoing(caseId, 'member', lead);
    expect(contents.files.map((f) => f.crc32 !== undefined)).toEqual([true, true]);
    // The second as a row from before CRCs were kept: its CRC is taken as it is packed.
    const files = contents.files.map(({ crc32, ...file }, i) =>
      i === 1 ? file : { crc32, ...file },
    );
    const passphrase = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ23';
    const sender = {
      kind: 'member' as const,
      caseId,
      by: lead.id,
      deviceId: 'l',
      forMember: lead.id,
    };
    const sealed = await sealContents({ ...contents, files }, sender, { passphrase });
    const decrypter = new Decrypter();
    decrypter.addPassphrase(passphrase);
    const declared = declaredCrcs(await decrypter.decrypt(sealed));

    const bySha = new Map<string, Uint8Array>();
    for (const b of bytes) bySha.set(await sha256Hex(b), b);
    for (const file of contents.files) {
      const crc = crcOf(bySha.get(file.sha256)!) >>> 0;
      expect(file.crc32, 'the row keeps its bytes’ CRC').toBe(crc);
      expect(declared.get(fileEntry(file.sha256)), 'the ZIP declares it').toBe(crc);
    }
  });
});
