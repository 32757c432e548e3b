/** Messages between the page and the sealing worker (seal.worker.ts). */
import type { SealProgress } from './sealExisting';

export interface ToSealWorker {
  readonly name: string;
  readonly laptop: Uint8Array;
  readonly cases: readonly (readonly [string, Uint8Array])[];
}

export type FromSealWorker =
  | ({ readonly type: 'progress' } & SealProgress)
  | ({ readonly type: 'done' } & SealProgress)
  | { readonly type: 'failed'; readonly message: string };
