/**
 * The database schema version this app writes, for code outside the renderer (the command line,
 * package checks). The schema itself, version by version, is renderer/db/schema.ts; a test
 * checks that its last version is this one.
 */
export const SCHEMA_VERSION = 12;
