import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import type { ManifestHeader } from '../../shared/package/manifest';

/** The header of a member's package as the tests and the package benchmark seal it. */
export function memberPackageHeader(
  counts: Record<string, number> = { interviews: 1 },
): ManifestHeader {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'member',
    caseId: '01JCASE0000000000000000000',
    exportedBy: {
      memberId: '01JMEMBER000000000000000000',
      deviceId: '01JDEVICE000000000000000000',
    },
    forMember: '01JLEADER000000000000000000',
    createdAt: '2026-11-29T08:00:00.000Z',
    counts,
  };
}
