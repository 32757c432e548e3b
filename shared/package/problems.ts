/**
 * What can be wrong with a case package, as one error the UI shows as it is. Kept apart from
 * seal.ts so that code which only names the error (the write path) does not load age.
 */
import { zh } from '../i18n/zh-CN';

export type PackageProblem = keyof typeof zh.package.problems;

export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    /** What exactly, for the log and the tests; the message is what the user reads. */
    readonly detail = '',
  ) {
    super(zh.package.problems[problem]);
    this.name = 'PackageError';
  }
}
