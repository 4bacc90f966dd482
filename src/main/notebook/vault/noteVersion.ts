import { createHash } from 'node:crypto';

/**
 * The version of a note: a hash of its exact bytes (SHA-256, base64url, 22 characters,
 * 132 bits). Two files have the same version exactly when they hold the same bytes, so a
 * version comparison is a content comparison, immune to clocks and touch(1).
 */
export function versionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}
