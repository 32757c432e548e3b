/** Messages between the page and the package worker (package.worker.ts). */
import type { ManifestHeader, Manifest } from '../../shared/package/manifest';
import type { CaseContents } from '../../shared/package/contents';
import type { OpeningKey, Seal } from '../../shared/package/seal';
import type { PackageProblem } from '../../shared/package/problems';

export type ToPackageWorker =
  | {
      readonly type: 'seal';
      readonly header: Omit<ManifestHeader, 'counts'>;
      readonly contents: CaseContents;
      readonly seal: Seal;
    }
  | {
      readonly type: 'open';
      readonly file: Uint8Array;
      readonly key: OpeningKey;
      readonly newestSchema: number;
    };

export type FromPackageWorker =
  | { readonly type: 'sealed'; readonly file: Uint8Array }
  | { readonly type: 'opened'; readonly manifest: Manifest; readonly contents: CaseContents }
  | { readonly type: 'failed'; readonly problem: PackageProblem | null; readonly detail: string };
