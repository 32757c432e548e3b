import { useLive } from './live';
import { attachmentProblem, safeName } from '../../shared/domain/attachment';
import type { AttachmentFields } from '../../shared/domain/stored.schema';
import { ValidationError } from '../../shared/domain/validation';
import { makeThumbnail } from '../attachments/thumbnail';
import { downloadBlob } from '../components/attachments/objectUrl';
import type { Attachment, Repositories } from '../db';
import { useRepos } from '../app/session';
import { requireActor, useActor } from './members';

export type { Attachment };

/** A file's bytes (or its thumbnail's), by SHA-256; undefined while loading or when none. */
export function useBytes(sha256: string | null): Blob | undefined {
  const repos = useRepos();
  return useLive(async () => (sha256 ? repos.attachments.bytes(sha256) : undefined), [sha256]);
}

/** Saves an attachment's file under its name (the browser's download; Electron asks where). */
export async function downloadAttachment(repos: Repositories, a: Attachment): Promise<void> {
  const bytes = await repos.attachments.bytes(a.sha256);
  if (bytes) downloadBlob(bytes, safeName(a.name));
}

/** The live attachments of a record, oldest first; undefined while loading. */
export function useAttachments(recordId: string): Attachment[] | undefined {
  const repos = useRepos();
  return useLive(() => repos.attachments.list(recordId), [recordId]);
}

export function useAttachmentMutations(
  caseId: string,
  kind: AttachmentFields['recordKind'],
  recordId: string,
) {
  const repos = useRepos();
  const actor = useActor(caseId);
  return {
    canWrite: actor !== undefined,
    /**
     * Stores the chosen files, all or none; throws a ValidationError (field `attachments`) when
     * one of them is refused. Each File is stored as it is, never read into memory here.
     */
    add: async (files: readonly File[]) => {
      // Checked before any thumbnail is made: a refused batch costs no decoding.
      const problems = files.flatMap((f) => attachmentProblem(f.name, f.size) ?? []);
      if (problems.length > 0) throw new ValidationError({ attachments: problems.join('\n') });
      const who = requireActor(actor);
      const items = [];
      // One at a time: twenty phone photos decoded at once would hold gigabytes of pixels.
      for (const file of files) {
        items.push({
          name: file.name,
          mime: file.type,
          blob: file,
          thumbnail: await makeThumbnail(file),
        });
      }
      return repos.attachments.add(caseId, kind, recordId, items, who);
    },
    remove: (id: string) => repos.attachments.remove(id, requireActor(actor)),
  };
}
