import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readVaultPropertyTypes, writeVaultPropertyType } from './propertyTypesFile';

const made: string[] = [];
function vault(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sn-types-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the vault’s .obsidian/types.json', () => {
  it('reads the types, and writes one key, creating the file when missing', async () => {
    const dir = vault();
    expect(await readVaultPropertyTypes(dir)).toEqual({ types: {}, problem: null });
    expect(await writeVaultPropertyType(dir, 'lecture', 'number')).toEqual({
      types: { lecture: 'number' },
      problem: null,
    });
    const written = readFileSync(join(dir, '.obsidian', 'types.json'), 'utf8');
    expect(JSON.parse(written)).toEqual({ types: { lecture: 'number' } });
    await writeVaultPropertyType(dir, 'scores', 'list');
    expect(readFileSync(join(dir, '.obsidian', 'types.json'), 'utf8')).toBe(
      written.replace('"number"', '"number",\n    "scores": "multitext"'),
    );
  });

  it('never overwrites a file that does not parse, and says why', async () => {
    const dir = vault();
    mkdirSync(join(dir, '.obsidian'));
    const broken = '{"types": {"lecture": "number",}}';
    writeFileSync(join(dir, '.obsidian', 'types.json'), broken);
    const read = await readVaultPropertyTypes(dir);
    expect(read.types).toEqual({});
    expect(read.problem).toMatch(/not valid JSON/);
    await expect(writeVaultPropertyType(dir, 'lecture', 'text')).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(readFileSync(join(dir, '.obsidian', 'types.json'), 'utf8')).toBe(broken);
  });

  it('neither reads nor writes through a symbolic link out of the vault', async () => {
    const dir = vault();
    const outside = vault();
    writeFileSync(join(outside, 'types.json'), '{"types": {}}');
    mkdirSync(join(dir, '.obsidian'));
    symlinkSync(join(outside, 'types.json'), join(dir, '.obsidian', 'types.json'));
    expect((await readVaultPropertyTypes(dir)).problem).toMatch(/not a plain file/);
    await expect(writeVaultPropertyType(dir, 'a', 'text')).rejects.toMatchObject({ code: 'invalid-arguments' });
    expect(readFileSync(join(outside, 'types.json'), 'utf8')).toBe('{"types": {}}');
  });
});
