/**
 * Seals and opens case packages off the page's thread: scrypt for a passphrase takes about a
 * second and a half, and encrypting, hashing and checking a large case longer; the page stays
 * responsive and can show progress meanwhile.
 */
import { packContents, unpackContents } from '../../shared/package/contents';
import { openPackage, sealPackage } from '../../shared/package/seal';
import { PackageError } from '../../shared/package/problems';
import type { FromPackageWorker, ToPackageWorker } from './protocol';

const post = (message: FromPackageWorker, transfer: Transferable[] = []) =>
  self.postMessage(message, { transfer });

async function run(message: ToPackageWorker): Promise<void> {
  if (message.type === 'seal') {
    const { entries, counts } = packContents(message.contents);
    const file = await sealPackage({ ...message.header, counts }, entries, message.seal);
    post({ type: 'sealed', file }, [file.buffer]);
  } else {
    const opened = await openPackage(message.file, message.key, message.newestSchema);
    post({ type: 'opened', manifest: opened.manifest, contents: unpackContents(opened) });
  }
}

self.onmessage = (event: MessageEvent<ToPackageWorker>) => {
  run(event.data).catch((error: unknown) => {
    const problem = error instanceof PackageError ? error.problem : null;
    const detail =
      error instanceof Error
        ? error instanceof PackageError
          ? error.detail
          : error.message
        : String(error);
    post({ type: 'failed', problem, detail });
  });
};
