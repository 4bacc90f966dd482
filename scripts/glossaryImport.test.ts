import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../src/main/testing/tempDirs';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const FIXTURES = join(ROOT, 'src', 'main', 'notebook', 'packs', 'fixtures');

// Runs the script the way `npm run glossary:import -- …` does, without npm's banner.
function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [TSX, '--tsconfig', 'tsconfig.tools.json', 'scripts/glossaryImport.ts', ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('npm run glossary:import', () => {
  it('imports a file into the state folder, printing progress and a summary with the skipped rows', async () => {
    const state = dirs.make();
    const { code, stdout, stderr } = run(
      join(FIXTURES, 'glossary-quoted.csv'),
      '--state-dir',
      state,
      '--name',
      'Neuro',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('glossary:import: parsing 100%');
    expect(stdout).toContain(
      'glossary:import: read glossary-quoted.csv: csv; utf-8 (detected); comma-separated; columns: Term → term, Definition → definition, Aliases → aliases, Tags → tags, Example → section',
    );
    expect(stdout).toContain(
      `glossary:import: imported “Neuro” (neuro): 3 entries, 3 rows skipped, into ${join(state, 'packs', 'neuro')}`,
    );
    expect(stdout).toContain(
      [
        'skipped 3 rows:',
        '  line 7: no term',
        '  line 9: 7 fields where the header names 5: a comma inside a field that is not quoted?',
        '  line 10: no definition for “Empty definition”',
      ].join('\n'),
    );
    expect((await fs.readdir(join(state, 'packs', 'neuro'))).sort()).toEqual([
      'catalog.json',
      'entries.ndjson',
      'manifest.json',
      'names.json',
    ]);

    const list = run('--list', '--state-dir', state);
    expect(list.stdout).toBe('neuro\tNeuro\t3 entries\tglossary-quoted.csv\n');
  }, 30_000);

  it('re-imports into a pack by name, keeping ids', async () => {
    const state = dirs.make();
    run(join(FIXTURES, 'markdown-notes'), '--state-dir', state);
    const again = run(join(FIXTURES, 'markdown-notes'), '--state-dir', state, '--replace', 'MARKDOWN-NOTES');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(
      're-imported “markdown-notes” (markdown-notes): 3 entries, 3 ids kept, 1 row skipped',
    );
    expect(again.stdout).toContain('  Empty.md: no definition for “Empty”');
  }, 30_000);

  it('says clearly why a broken file cannot be imported, writes nothing and exits 1', async () => {
    const state = dirs.make();
    const { code, stdout, stderr } = run(join(FIXTURES, 'broken-unclosed.csv'), '--state-dir', state);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^glossary:import: reading 1 of 1 file 100%\n/);
    expect(stderr.replace(/^glossary:import: (reading|parsing).*%\n/gm, '')).toBe(
      'glossary:import: broken-unclosed.csv, line 4: a quoted field opened here is never closed, so nothing after it can be read. Close the quote (a quote inside a quoted field is written twice: "").\n' +
        'glossary:import: nothing was written.\n',
    );
    expect(await fs.readdir(join(state, 'packs'))).toEqual([]);
  }, 30_000);

  it('refuses wrong usage with the usage text and exit code 2', () => {
    const none = run();
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage: npm run glossary:import -- <file or folder> [options]');
    expect(run('a.csv', '--format', 'xlsx').stderr).toContain('--format must be one of csv, tsv, quizlet, anki');
    expect(run('a.csv', '--bogus').code).toBe(2);
  }, 30_000);
});
