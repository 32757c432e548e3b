/**
 * Packages as files for the command line, streamed both ways so a package of several GB passes
 * with flat memory: read from disk in chunks, decrypted into a staging file in a temporary
 * folder (removed when the command ends), written out through a temporary file that is flushed
 * and renamed into place, never over an existing file.
 */
import { createReadStream, mkdtempSync, openAsBlob, rmSync } from 'node:fs';
import { link, open, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { openStream, type OpeningKey, type Staging } from '../../shared/package/seal';
import { Usage } from './usage';

let folder: string | null = null;

/** The command's own temporary folder, removed when the process exits. */
function tempFolder(): string {
  if (!folder) {
    const made = mkdtempSync(path.join(os.tmpdir(), 'workbench-'));
    folder = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return folder;
}

let staged = 0;

/** A staging file, opened at the first write; `close` lets it go when the open fails. */
function diskStaging(): Staging & { close(): Promise<void> } {
  const file = path.join(tempFolder(), `staged-${++staged}.zip`);
  let handle: FileHandle | null = null;
  const close = async () => {
    await handle?.close();
    handle = null;
  };
  return {
    async write(chunk) {
      handle ??= await open(file, 'w');
      await handle.write(chunk);
    },
    async finish() {
      handle ??= await open(file, 'w');
      await close();
      return openAsBlob(file);
    },
    close,
  };
}

/** Opens the package at `file`, staged on disk; its files stay slices of that staged ZIP. */
export async function openPackageFile(file: string, key: OpeningKey) {
  const input = createReadStream(file);
  const ready = new Promise<void>((resolve, reject) => {
    input.once('open', () => resolve());
    input.once('error', reject);
  });
  try {
    await ready;
  } catch {
    throw new Usage(`读不到文件 ${file}`);
  }
  const stream = Readable.toWeb(input) as unknown as ReadableStream<Uint8Array>;
  const staging = diskStaging();
  try {
    return await openStream(stream, key, SCHEMA_VERSION, staging);
  } catch (error) {
    input.destroy();
    await staging.close();
    throw error;
  }
}

/**
 * Writes `data` to `target`, which must not exist yet: a temporary file beside it, flushed,
 * then linked into place (which fails rather than replace a file that appeared meanwhile).
 */
export async function writeNewFile(target: string, data: ReadableStream<Uint8Array> | string) {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    try {
      if (typeof data === 'string') await handle.write(data);
      else {
        for await (const chunk of Readable.fromWeb(data as NodeReadableStream<Uint8Array>)) {
          await handle.write(chunk as Uint8Array);
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Usage(`${target} 已存在，不会覆盖：请换一个文件名`);
    }
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}
