/**
 * A small filesystem for a Chromium profile, so a test can fill the disk under a running app.
 *
 * Two ways, tried in this order (measured on Debian 12, kernel 6.x, Chromium 156):
 *  1. `mount -t tmpfs` on a folder: needs root with CAP_SYS_ADMIN (this VM; a privileged CI
 *     container). A loop-mounted ext4 image needs the same capability, so it adds nothing.
 *  2. A tmpfs inside a new user + mount namespace (`unshare --user --map-root-user --mount`),
 *     kept alive by a holder process. Works without CAP_SYS_ADMIN wherever unprivileged user
 *     namespaces are allowed (checked here with the capability dropped by `capsh`). Chromium is
 *     started inside the namespace through `nsenter`; this Node process reaches the same files
 *     through /proc/<holder>/root. Docker's default seccomp profile forbids unshare/setns, so
 *     a plain `docker run` gets neither way: `probeSmallDisk()` then says why, and the test
 *     skips rather than fails.
 * (FUSE needs the same mount rights or a /dev/fuse that containers rarely expose; Chromium's
 * quota flags do not help either: estimate() and the write checks ignore free disk space.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statfsSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export type SmallDiskMethod = 'mount' | 'userns';

export interface SmallDisk {
  readonly method: SmallDiskMethod;
  /** The profile folder as Chromium sees it (pass as userDataDir). */
  readonly profile: string;
  /** The browser to launch: Chromium itself, or a script that starts it in the namespace. */
  readonly executablePath: string;
  /** Free bytes on the small filesystem, as a user's file manager would show them. */
  freeBytes(): number;
  /** Writes a filler file until only `leaveBytes` remain free (the disk "fills up"). */
  fill(leaveBytes: number): void;
  /** Deletes the filler (the user "frees space"). */
  release(): void;
  /** Unmounts and removes everything. Close the browser first. */
  dispose(): Promise<void>;
}

const run = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { encoding: 'utf8', timeout: 10_000 });
const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/** Which method works here, or a one-line reason why none does. Cheap: mounts a 1 MB tmpfs. */
export function probeSmallDisk(): { method: SmallDiskMethod } | { reason: string } {
  if (process.platform !== 'linux') return { reason: 'small tmpfs profile needs Linux' };
  const dir = mkdtempSync(path.join(tmpdir(), 'small-disk-probe-'));
  try {
    const direct = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    if (direct.status === 0) {
      run('umount', [dir]);
      return { method: 'mount' };
    }
    const script = `mount -t tmpfs -o size=1m tmpfs '${dir}'`;
    const ns = run('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script]);
    if (ns.status === 0) return { method: 'userns' };
    return {
      reason:
        `cannot mount a small tmpfs for the profile (mount: ${firstLine(direct.stderr)}; ` +
        `unshare: ${firstLine(ns.stderr || String(ns.error))}): needs CAP_SYS_ADMIN or user namespaces`,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Mounts a tmpfs of `sizeMb` MB with the given method and returns what a test needs. */
export async function openSmallDisk(
  method: SmallDiskMethod,
  sizeMb: number,
  chromium: string,
): Promise<SmallDisk> {
  const base = mkdtempSync(path.join(tmpdir(), 'small-disk-'));
  const mountPoint = path.join(base, 'fs');
  mkdirSync(mountPoint);
  const size = `size=${sizeMb}m`;

  let holder: ChildProcess | undefined;
  let executablePath = chromium;
  /** Where this process finds the mounted filesystem. */
  let hostView = mountPoint;

  if (method === 'mount') {
    const r = run('mount', ['-t', 'tmpfs', '-o', size, 'tmpfs', mountPoint]);
    if (r.status !== 0) throw new Error(`mount tmpfs failed: ${r.stderr}`);
  } else {
    holder = spawn(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--mount',
        'sh',
        '-c',
        `mount -t tmpfs -o ${size} tmpfs '${mountPoint}' && echo ready && exec sleep infinity`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder!.once('exit', (code) => reject(new Error(`namespace holder exited (${code})`)));
      holder!.stdout!.once('data', () => resolve());
    });
    // `unshare` execs sh, which execs sleep: one pid, the namespace's anchor.
    hostView = `/proc/${holder.pid}/root${mountPoint}`;
    executablePath = path.join(base, 'chromium-in-namespace.sh');
    writeFileSync(
      executablePath,
      `#!/bin/sh\nexec nsenter --target ${holder.pid} --user --mount --preserve-credentials -- '${chromium}' "$@"\n`,
    );
    chmodSync(executablePath, 0o755);
  }

  const filler = path.join(hostView, 'filler');
  const freeBytes = () => {
    const s = statfsSync(hostView);
    return s.bavail * s.bsize;
  };

  return {
    method,
    profile: path.join(mountPoint, 'profile'),
    executablePath,
    freeBytes,
    fill(leaveBytes) {
      // Chunk by chunk, because Chromium writes too and the figure moves under us.
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(256 * 1024);
      try {
        for (let room = freeBytes() - leaveBytes; room > 0; room = freeBytes() - leaveBytes) {
          writeSync(fd, chunk, 0, Math.min(chunk.length, Math.max(4096, room)));
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
    },
    release() {
      rmSync(filler, { force: true });
    },
    async dispose() {
      if (holder) {
        const anchor = holder;
        const exited = new Promise((resolve) => anchor.once('exit', resolve));
        anchor.kill();
        await exited; // the namespace and its tmpfs go with the last process in it
      } else {
        run('umount', ['--lazy', mountPoint]);
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
