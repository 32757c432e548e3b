/** What every part of the demo generator shares while it writes the case. */
import type { Calendar } from './calendar';
import type { Cast, Fixed, TeamMember } from './people';
import type { EvidencePool } from './evidence';
import type { History } from './history';
import type { Random } from './random';

export interface DemoContext {
  readonly random: Random;
  readonly caseId: string;
  readonly history: History;
  readonly cal: Calendar;
  readonly team: readonly TeamMember[];
  readonly leader: TeamMember;
  readonly cast: Cast;
  readonly fixed: Fixed;
  readonly evidence: EvidencePool;
  readonly villages: readonly string[];
  /** A new record or turn id for something made at that time. */
  newId(at: string): string;
  /** Fills a template for a record about `village`. */
  fill(template: string, village: string): string;
  /** The file's SHA-256, as lowercase hex. */
  sha256(bytes: Uint8Array): Promise<string>;
  /** Files to store with the case, by SHA-256. */
  readonly blobs: Map<string, { mime: string; bytes: Uint8Array<ArrayBuffer> }>;
}
