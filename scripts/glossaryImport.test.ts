import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

// Runs the script the way `npm run glossary:import -- …` does, without npm's banner.
function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [TSX, '--tsconfig', 'tsconfig.tools.json', 'scripts/glossaryImport.ts', ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let root: string;

beforeEach(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'glossary-cli-'));
  await fs.mkdir(join(root, 'sources'));
  await fs.writeFile(
    join(root, 'sources', 'a.txt'),
    'The Alpha Ratio is a measure.\nOrigin\nNeurochemistry.\nMechanism\nReceptors.\nAccept all cookies\n',
  );
});

afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('npm run glossary:import', () => {
  it('prints one line per entry written and a summary', async () => {
    const { code, stdout, stderr } = run(join(root, 'sources'), join(root, 'entries'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^wrote .*alpha-ratio\.md {2}"Alpha Ratio" from a\.txt$/);
    expect(lines[1]).toMatch(/^glossary:import: 1 entry written to /);
    expect(await fs.readdir(join(root, 'entries'))).toEqual(['alpha-ratio.md']);
  }, 30_000);

  it('reports an import error on one line of stderr, without a stack trace, and exits 1', async () => {
    await fs.writeFile(join(root, 'sources', 'b.txt'), '');
    const { code, stdout, stderr } = run(join(root, 'sources'), join(root, 'entries'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('glossary:import: b.txt: file is empty\n');
    await expect(fs.access(join(root, 'entries'))).rejects.toThrow();
  }, 30_000);

  it('prints the usage when arguments are missing', () => {
    const { code, stderr } = run(join(root, 'sources'));
    expect(code).toBe(2);
    expect(stderr).toContain('usage: npm run glossary:import -- <source-folder> <output-folder>');
  }, 30_000);
});
