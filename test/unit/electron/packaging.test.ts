import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../../../build/electron-builder.config.cjs') as {
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
};

describe('the packaged app', () => {
  it('has its fuses flipped: no Node mode, no inspector, no NODE_OPTIONS, asar only', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships only the built app, not sources or tests', () => {
    expect(config.files.every((f) => f.startsWith('dist/') || f === 'package.json')).toBe(true);
  });
});
