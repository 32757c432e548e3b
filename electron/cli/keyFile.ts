import type { LaptopKey } from '../../shared/package/keys';

/** A key file in the format of age-keygen, so the age tool reads it as it is. */
export function keyFileText(key: LaptopKey): string {
  return `# created: ${new Date().toISOString()}\n# public key: ${key.recipient}\n${key.identity}\n`;
}
