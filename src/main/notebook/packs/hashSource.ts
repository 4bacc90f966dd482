import { createHash } from 'node:crypto';
import type { SourceFile } from './sources/listSourceFiles';

/**
 * A fingerprint of a source's content: its files' paths and bytes, in path order. Tells
 * whether the shipped glossary changed since it was seeded (an app update).
 */
export function hashSource(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file.path}\u0000${file.bytes.length}\u0000`);
    hash.update(file.bytes);
  }
  return hash.digest('hex');
}
