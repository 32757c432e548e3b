/**
 * The demo's photos and scans: tiny images drawn in code (images.ts), stored as attachment
 * records with their bytes as blobs keyed by SHA-256, as the app stores files.
 */
import { attachmentFields } from '../domain/stored.schema';
import type { RecordKind } from '../domain/records';
import type { DemoContext } from './context';
import { jpeg, png, type Rgb } from './images';
import type { TeamMember } from './people';
import { int, type Random } from './random';

export type Scene = 'canteen' | 'road' | 'yard' | 'scan';

const jitter = (random: Random, [r, g, b]: Rgb, by = 12): Rgb => [
  clamp(r + int(random, -by, by)),
  clamp(g + int(random, -by, by)),
  clamp(b + int(random, -by, by)),
];
const clamp = (v: number) => Math.max(0, Math.min(255, v));

/** A photo of a place as a mosaic of 8×8 blocks; `wide` × `high` blocks. */
function mosaic(random: Random, scene: Exclude<Scene, 'scan'>, wide: number, high: number) {
  const sky: Rgb = jitter(random, [126, 172, 216]);
  const colours: Rgb[][] = [];
  for (let y = 0; y < high; y++) {
    const row: Rgb[] = [];
    const v = y / high;
    for (let x = 0; x < wide; x++) {
      if (scene === 'canteen') {
        const tray = v > 0.45 && (x + y) % 3 === 0;
        row.push(
          jitter(random, v < 0.45 ? [236, 226, 196] : tray ? [200, 200, 205] : [150, 104, 64], 8),
        );
      } else if (scene === 'road') {
        const verge = x === 0 || x === wide - 1;
        const crack = v > 0.35 && int(random, 0, 6) === 0;
        row.push(
          jitter(
            random,
            v < 0.35 ? sky : verge ? [96, 138, 70] : crack ? [58, 58, 58] : [150, 150, 146],
            6,
          ),
        );
      } else {
        const window = v >= 0.3 && v < 0.65 && x % 2 === 1;
        row.push(
          jitter(
            random,
            v < 0.3 ? sky : v < 0.65 ? (window ? [70, 90, 110] : [228, 224, 214]) : [128, 128, 124],
            6,
          ),
        );
      }
    }
    colours.push(row);
  }
  return (bx: number, by: number) => colours[by]![bx]!;
}

/** A scanned voucher: a page with lines of text and a red seal. */
function scan(random: Random, width: number, height: number) {
  const paper = jitter(random, [246, 243, 232], 4);
  const lines = Array.from({ length: Math.ceil(height / 8) }, () =>
    int(random, width / 2, width - 8),
  );
  const seal = { x: width - 20, y: height - 22, r: 12 };
  return (x: number, y: number): Rgb => {
    const d = Math.hypot(x - seal.x, y - seal.y);
    if (d <= seal.r && d >= seal.r - 2) return [196, 40, 40];
    const row = Math.floor(y / 8);
    if (y % 8 >= 3 && y % 8 <= 4 && x >= 6 && x < lines[row]! && y > 10) return [88, 88, 92];
    return paper;
  };
}

/** The bytes of a picture of `scene`, and its thumbnail (a small JPEG, as the app makes). */
export function picture(random: Random, scene: Scene) {
  if (scene === 'scan') {
    return {
      mime: 'image/png',
      bytes: png(72, 96, scan(random, 72, 96)),
      thumb: jpeg(3, 4, () => jitter(random, [238, 236, 228], 3)),
    };
  }
  return {
    mime: 'image/jpeg',
    bytes: jpeg(12, 9, mosaic(random, scene, 12, 9)),
    thumb: jpeg(4, 3, mosaic(random, scene, 4, 3)),
  };
}

/** Attaches a picture to a record: the attachment's id. */
export async function attach(
  ctx: DemoContext,
  record: { kind: RecordKind; id: string },
  name: string,
  scene: Scene,
  by: TeamMember,
  at: string,
): Promise<string> {
  const { mime, bytes, thumb } = picture(ctx.random, scene);
  const sha256 = await ctx.sha256(bytes);
  const thumbSha256 = await ctx.sha256(thumb);
  ctx.blobs.set(sha256, { mime, bytes });
  ctx.blobs.set(thumbSha256, { mime: 'image/jpeg', bytes: thumb });
  const id = ctx.newId(at);
  const fields = attachmentFields.parse({
    recordKind: record.kind,
    recordId: record.id,
    name,
    mime,
    size: bytes.length,
    sha256,
    thumbSha256,
  });
  ctx.history.create('attachments', id, fields, by, at);
  return id;
}
