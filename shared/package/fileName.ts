/**
 * The file name of a package as people see it on a stick: whose case, what and for whom, and the
 * day, e.g. `某县教育局党组_张三_20261129.xcase`. Characters no file system takes are replaced.
 */
export const PACKAGE_EXTENSION = 'xcase';

export function packageFileName(parts: readonly string[], day: string): string {
  return fileNameOf(parts, day, PACKAGE_EXTENSION);
}

/** `parts` and the day joined by `_`, with `extension`: a name every file system takes. */
export function fileNameOf(parts: readonly string[], day: string, extension: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim();
  const name = [...parts.map(safe).filter(Boolean), day.replaceAll('-', '')].join('_');
  return `${name.slice(0, 180)}.${extension}`;
}
