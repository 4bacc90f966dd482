import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates fresh temporary folders for one test file and removes them all afterwards. */
export function tempDirs() {
  const made: string[] = [];
  return {
    make(prefix = 'study-notebook-'): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The shipped glossary's sources, as the tests' notebooks use them (seeded as the built-in pack). */
export const SHIPPED_GLOSSARY = join(__dirname, '..', '..', '..', 'resources', 'glossary', 'sources');
