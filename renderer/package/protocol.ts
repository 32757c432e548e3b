/** Messages between the page and the package worker (package.worker.ts). */
import type { ManifestHeader, Manifest } from '../../shared/package/manifest';
import type { CaseContents } from '../../shared/package/contents';
import type { OpeningKey, Seal } from '../../shared/package/seal';
import type { PackageProblem } from '../../shared/package/problems';

/** The steps a long package operation reports: in bytes, except the merge (in items). */
export type TransferPhase = 'seal' | 'decrypt' | 'check' | 'merge';

export type ToPackageWorker =
  | {
      readonly type: 'seal';
      readonly header: Omit<ManifestHeader, 'counts'>;
      readonly contents: CaseContents;
      readonly seal: Seal;
    }
  /**
   * Seals a snapshot and writes it into the private file system's `folder` as `name`, through a
   * file writer worker of its own (fileWriter.worker.ts: synchronous file access, no byte passes
   * through the page). Written as `<name>.part` and renamed once complete, so a snapshot is
   * there whole or not at all.
   */
  | {
      readonly type: 'snapshot';
      readonly header: Omit<ManifestHeader, 'counts'>;
      readonly contents: CaseContents;
      readonly seal: Seal;
      readonly folder: string;
      readonly name: string;
    }
  | {
      readonly type: 'open';
      /** The package file: the File itself where the host has one, else streamed from it. */
      readonly input: Blob | ReadableStream<Uint8Array>;
      readonly inputSize: number;
      readonly key: OpeningKey;
      readonly newestSchema: number;
      /** The private file to decrypt into (renderer/host/privateFiles.ts). */
      readonly staging: string;
    };

export type FromPackageWorker =
  | {
      readonly type: 'progress';
      readonly phase: TransferPhase;
      readonly done: number;
      readonly total: number;
    }
  /** The package as it is encrypted, pulled by the page into the file (transferred). */
  | { readonly type: 'sealed'; readonly stream: ReadableStream<Uint8Array> }
  /** A snapshot written in full, of this many bytes. */
  | { readonly type: 'written'; readonly bytes: number }
  | { readonly type: 'opened'; readonly manifest: Manifest; readonly contents: CaseContents }
  | { readonly type: 'failed'; readonly problem: PackageProblem | null; readonly detail: string };

/** Messages from the package worker to the file writer it starts (fileWriter.worker.ts). */
export type ToFileWriter =
  | { readonly type: 'open'; readonly folder: string; readonly part: string }
  /** The next bytes of the file (transferred). */
  | { readonly type: 'write'; readonly bytes: Uint8Array<ArrayBuffer> }
  /** Flush the file to the disk and rename it `name`. */
  | { readonly type: 'finish'; readonly name: string }
  /** Keep nothing: close the file and remove it. */
  | { readonly type: 'abort' };

export type FromFileWriter =
  /** A piece written, given back to be filled again (transferred). */
  | { readonly type: 'written'; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly type: 'done'; readonly size: number }
  | { readonly type: 'aborted' }
  /** Nothing is kept. `name`: the DOMException's (QuotaExceededError: the disk is full). */
  | { readonly type: 'failed'; readonly name: string; readonly detail: string };
