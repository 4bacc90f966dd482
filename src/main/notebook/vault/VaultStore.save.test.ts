import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { refusal } from '@shared/api/testing/refusal';
import { faultyVaultFs, WRITE_OPS } from '../fs/testing/faultyVaultFs';
import { versionOf } from './noteVersion';
import { testVaults } from './testing/testVault';

const vaults = testVaults();
afterEach(() => vaults.cleanup());

const v = (text: string) => versionOf(Buffer.from(text));

/** Every file under a folder, by relative path, with its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const abs = join(entry.parentPath, entry.name);
      out[abs.slice(dir.length + 1)] = readFileSync(abs, 'utf8');
    }
  }
  return out;
}

describe('VaultStore.saveNote', () => {
  it('writes a new note, returns its version and summary, and leaves no temporary or draft file', async () => {
    const t = await vaults.open();
    const result = await t.store.saveNote({ path: 'Cells.md', content: '# Cells\n', baseVersion: null });
    expect(result).toMatchObject({
      status: 'saved',
      version: v('# Cells\n'),
      note: { path: 'Cells.md', title: 'Cells', folder: '', size: 8 },
    });
    expect(readFileSync(t.abs('Cells.md'), 'utf8')).toBe('# Cells\n');
    expect(readdirSync(t.vaultPath)).toEqual(['Cells.md']);
    expect(await t.store.listDrafts()).toEqual([]);
    expect(t.changes).toEqual([
      expect.objectContaining({ kind: 'added', path: 'Cells.md', version: v('# Cells\n'), external: false }),
    ]);
  });

  it('replaces a note whose version matches, keeping front matter and bytes exactly', async () => {
    const t = await vaults.open();
    const original = '---\naliases: [Cell]\ncustom: { keep: me }\n---\r\nBody\r\n';
    writeFileSync(t.abs('Cells.md'), original);
    await t.store.rescan();
    const note = await t.store.readNote('Cells.md');
    expect(note.content).toBe(original);
    expect(note.aliases).toEqual(['Cell']);
    const edited = note.content.replace('Body', 'Body, edited');
    const result = await t.store.saveNote({ path: 'Cells.md', content: edited, baseVersion: note.version });
    expect(result.status).toBe('saved');
    expect(readFileSync(t.abs('Cells.md'), 'utf8')).toBe(edited);
  });

  it('creates missing folders for a new note inside the vault', async () => {
    const t = await vaults.open();
    await t.store.saveNote({ path: 'Biology/Cells/Membrane.md', content: 'x', baseVersion: null });
    expect(readFileSync(t.abs('Biology/Cells/Membrane.md'), 'utf8')).toBe('x');
  });

  it('queues saves of one note: 50 concurrent chained saves end with the last content, never interleaved', async () => {
    const t = await vaults.open();
    const contents = Array.from({ length: 50 }, (_, i) => `version ${i}\n${'line\n'.repeat(i * 200)}`);
    const saves = contents.map((content, i) =>
      t.store.saveNote({ path: 'Queue.md', content, baseVersion: i === 0 ? null : v(contents[i - 1] as string) }),
    );
    const results = await Promise.all(saves);
    // Chaining only works if each save ran after the previous one finished.
    expect(results.map((r) => r.status)).toEqual(contents.map(() => 'saved'));
    expect(readFileSync(t.abs('Queue.md'), 'utf8')).toBe(contents[49]);
    expect(readdirSync(t.vaultPath)).toEqual(['Queue.md']);
    expect(await t.store.listDrafts()).toEqual([]);
  });

  it('runs saves of different notes in parallel', async () => {
    const faults = faultyVaultFs();
    const t = await vaults.open({ fs: faults.fs });
    // Hold the first note's atomic rename until the second note's save has completed.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const inner = faults.fs.rename;
    faults.fs.rename = async (from, to) => {
      if (to.endsWith('Slow.md')) await gate;
      return inner(from, to);
    };
    const slow = t.store.saveNote({ path: 'Slow.md', content: 'slow', baseVersion: null });
    const fast = await t.store.saveNote({ path: 'Fast.md', content: 'fast', baseVersion: null });
    expect(fast.status).toBe('saved');
    expect(existsSync(t.abs('Slow.md'))).toBe(false);
    release();
    expect((await slow).status).toBe('saved');
  });

  it('does not overwrite a note changed elsewhere: the edits go to a conflict copy, the file keeps the other text', async () => {
    const when = new Date(2024, 4, 1, 13, 45, 1);
    const t = await vaults.open({ now: () => when });
    const first = await t.store.saveNote({ path: 'Bio/Cells.md', content: 'original\n', baseVersion: null });
    if (first.status !== 'saved') throw new Error('first save failed');
    // Another program edits the file behind the app's back.
    writeFileSync(t.abs('Bio/Cells.md'), 'their edit\n');
    const result = await t.store.saveNote({ path: 'Bio/Cells.md', content: 'my edit\n', baseVersion: first.version });
    expect(result).toMatchObject({
      status: 'conflict',
      conflictPath: 'Bio/Cells (conflict 2024-05-01 134501).md',
      current: { path: 'Bio/Cells.md', content: 'their edit\n', version: v('their edit\n') },
    });
    expect(readFileSync(t.abs('Bio/Cells.md'), 'utf8')).toBe('their edit\n');
    expect(readFileSync(t.abs('Bio/Cells (conflict 2024-05-01 134501).md'), 'utf8')).toBe('my edit\n');
    expect(await t.store.listDrafts()).toEqual([]);
    expect(t.changes).toContainEqual(
      expect.objectContaining({ kind: 'added', path: 'Bio/Cells (conflict 2024-05-01 134501).md', external: false }),
    );

    // A second conflict in the same second gets its own copy.
    const again = await t.store.saveNote({
      path: 'Bio/Cells.md',
      content: 'my 2nd edit\n',
      baseVersion: first.version,
    });
    expect(again).toMatchObject({ status: 'conflict', conflictPath: 'Bio/Cells (conflict 2024-05-01 134501 2).md' });
    expect(readFileSync(t.abs('Bio/Cells (conflict 2024-05-01 134501).md'), 'utf8')).toBe('my edit\n');
  });

  it('says what it wrote the conflict copy as, so the editor can go on saving into the copy', async () => {
    const when = new Date(2024, 4, 1, 13, 45, 1);
    const t = await vaults.open({ now: () => when });
    const first = await t.store.saveNote({ path: 'Cells.md', content: 'original\n', baseVersion: null });
    if (first.status !== 'saved') throw new Error('first save failed');
    writeFileSync(t.abs('Cells.md'), 'their edit\n');
    const result = await t.store.saveNote({ path: 'Cells.md', content: 'my edit\n', baseVersion: first.version });
    if (result.status !== 'conflict') throw new Error(`expected a conflict, got ${result.status}`);
    expect(result).toMatchObject({
      conflictNote: { path: 'Cells (conflict 2024-05-01 134501).md', title: 'Cells (conflict 2024-05-01 134501)' },
      conflictVersion: v('my edit\n'),
    });
    const more = await t.store.saveNote({
      path: result.conflictPath,
      content: 'my edit, and more\n',
      baseVersion: result.conflictVersion,
    });
    expect(more.status).toBe('saved');
    expect(readFileSync(t.abs(result.conflictPath), 'utf8')).toBe('my edit, and more\n');
  });

  it("with ifChanged 'report', writes nothing over a changed note and returns it to be merged with", async () => {
    const t = await vaults.open();
    const first = await t.store.saveNote({ path: 'Cells.md', content: 'original\n', baseVersion: null });
    if (first.status !== 'saved') throw new Error('first save failed');
    writeFileSync(t.abs('Cells.md'), 'their edit\n');
    const result = await t.store.saveNote({
      path: 'Cells.md',
      content: 'my edit\n',
      baseVersion: first.version,
      ifChanged: 'report',
    });
    expect(result).toMatchObject({
      status: 'stale',
      current: { path: 'Cells.md', content: 'their edit\n', version: v('their edit\n') },
    });
    expect(snapshot(t.vaultPath)).toEqual({ 'Cells.md': 'their edit\n' });
    // The edits are only in the editor until the merge is saved: the recovery copy stays till then.
    expect(await t.store.listDrafts()).toEqual([expect.objectContaining({ path: 'Cells.md', content: 'my edit\n' })]);
    expect(t.changes).toContainEqual(
      expect.objectContaining({ kind: 'changed', path: 'Cells.md', version: v('their edit\n'), external: true }),
    );

    const merged = await t.store.saveNote({
      path: 'Cells.md',
      content: 'their edit, my edit\n',
      baseVersion: result.status === 'stale' ? result.current.version : null,
      ifChanged: 'report',
    });
    expect(merged.status).toBe('saved');
    expect(readFileSync(t.abs('Cells.md'), 'utf8')).toBe('their edit, my edit\n');
    expect(await t.store.listDrafts()).toEqual([]);
  });

  it("with ifChanged 'report', still writes back a note deleted meanwhile and copies over a file it cannot merge", async () => {
    const t = await vaults.open();
    const first = await t.store.saveNote({ path: 'Gone.md', content: 'original\n', baseVersion: null });
    if (first.status !== 'saved') throw new Error('first save failed');
    rmSync(t.abs('Gone.md'));
    const back = await t.store.saveNote({
      path: 'Gone.md',
      content: 'my edit\n',
      baseVersion: first.version,
      ifChanged: 'report',
    });
    expect(back.status).toBe('saved');
    expect(readFileSync(t.abs('Gone.md'), 'utf8')).toBe('my edit\n');

    // Not UTF-8: there is no text to merge with, so the edits go to a conflict copy as before.
    writeFileSync(t.abs('Gone.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const binary = await t.store.saveNote({
      path: 'Gone.md',
      content: 'my 2nd edit\n',
      baseVersion: back.status === 'saved' ? back.version : null,
      ifChanged: 'report',
    });
    expect(binary.status).toBe('conflict');
  });

  it('treats baseVersion null as "no file expected": an existing file is a conflict', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Exists.md'), 'already here');
    const result = await t.store.saveNote({ path: 'Exists.md', content: 'new', baseVersion: null });
    expect(result.status).toBe('conflict');
    expect(readFileSync(t.abs('Exists.md'), 'utf8')).toBe('already here');
  });

  it('succeeds without writing when the file already holds the content, whatever the base version', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Same.md'), 'same');
    await t.store.rescan();
    const result = await t.store.saveNote({ path: 'Same.md', content: 'same', baseVersion: v('older') });
    expect(result).toMatchObject({ status: 'saved', version: v('same') });
  });

  it('announces a note another program wrote with the very same text as the save', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Twin.md'), 'same');
    const result = await t.store.saveNote({ path: 'Twin.md', content: 'same', baseVersion: null });
    expect(result.status).toBe('saved');
    expect(t.changes).toEqual([expect.objectContaining({ kind: 'added', path: 'Twin.md', external: false })]);
  });

  it('writes back a note deleted elsewhere while it was edited (nothing is overwritten)', async () => {
    const t = await vaults.open();
    const first = await t.store.saveNote({ path: 'Gone.md', content: 'a', baseVersion: null });
    rmSync(t.abs('Gone.md'));
    const result = await t.store.saveNote({
      path: 'Gone.md',
      content: 'edited',
      baseVersion: first.status === 'saved' ? first.version : null,
    });
    expect(result.status).toBe('saved');
    expect(readFileSync(t.abs('Gone.md'), 'utf8')).toBe('edited');
  });

  it('refuses to write over a file that is not valid UTF-8, and leaves it byte for byte', async () => {
    const t = await vaults.open();
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]); // "café" in Latin-1
    writeFileSync(t.abs('Latin.md'), latin1);
    await t.store.rescan();
    const note = await t.store.readNote('Latin.md');
    expect(note.readOnly?.reason).toMatch(/not valid UTF-8/);
    expect(note.content).toBe('caf\uFFFD\n');
    const error = await refusal(t.store.saveNote({ path: 'Latin.md', content: 'café\n', baseVersion: note.version }));
    expect(error.code).toBe('read-only');
    expect(readFileSync(t.abs('Latin.md'))).toEqual(latin1);
    expect(await t.store.listDrafts()).toEqual([]);
  });

  it('marks a file with NUL bytes read-only', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Binary.md'), Buffer.from([0x61, 0x00, 0x62]));
    const note = await t.store.readNote('Binary.md');
    expect(note.readOnly?.reason).toMatch(/binary/);
    expect(note.content).toBe('a\uFFFDb');
  });

  it('keeps a byte order mark', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Bom.md'), '\uFEFFtext');
    const note = await t.store.readNote('Bom.md');
    expect(note.content).toBe('\uFEFFtext');
    expect(note.readOnly).toBeNull();
    await t.store.saveNote({ path: 'Bom.md', content: note.content + '!', baseVersion: note.version });
    expect(readFileSync(t.abs('Bom.md'))).toEqual(Buffer.from('\uFEFFtext!'));
  });

  it('refuses content above the size limit before touching anything', async () => {
    const t = await vaults.open();
    const error = await refusal(
      t.store.saveNote({ path: 'Big.md', content: 'é'.repeat(26 * 1024 * 1024), baseVersion: null }),
    );
    expect(error.code).toBe('invalid-arguments');
    expect(error.message).toMatch(/MB/);
    expect(readdirSync(t.vaultPath)).toEqual([]);
    expect(await t.store.listDrafts()).toEqual([]);
  });
});

describe('VaultStore.saveNote when the disk refuses', () => {
  async function setUp() {
    const faults = faultyVaultFs();
    const t = await vaults.open({ fs: faults.fs });
    const first = await t.store.saveNote({ path: 'Notes/Cells.md', content: 'original', baseVersion: null });
    if (first.status !== 'saved') throw new Error('setup failed');
    return { ...t, faults, base: first.version };
  }

  it.each([
    ['a read-only folder (EROFS)', 'EROFS', /read-only disk/],
    ['a folder without write permission (EACCES)', 'EACCES', /permission denied/],
    ['an operation not permitted (EPERM)', 'EPERM', /permission denied/],
    ['a full disk (ENOSPC)', 'ENOSPC', /disk is full/],
  ])('%s: keeps the original and the draft, says why, and a retry succeeds', async (_label, code, why) => {
    const t = await setUp();
    t.faults.fail({ ops: WRITE_OPS, path: join(t.vaultPath, 'Notes'), code });
    const error = await refusal(t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base }));
    expect(error.code).toBe('io-failure');
    expect(error.message).toMatch(/^Could not save "Cells": /);
    expect(error.message).toMatch(why);
    expect(error.message).toMatch(/recovery copy/);
    expect(readFileSync(t.abs('Notes/Cells.md'), 'utf8')).toBe('original');
    expect(readdirSync(t.abs('Notes'))).toEqual(['Cells.md']);
    expect(await t.store.listDrafts()).toEqual([
      expect.objectContaining({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base }),
    ]);

    t.faults.clear();
    const retry = await t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base });
    expect(retry.status).toBe('saved');
    expect(readFileSync(t.abs('Notes/Cells.md'), 'utf8')).toBe('edited');
    expect(await t.store.listDrafts()).toEqual([]);
  });

  it('a failure in the middle of the write (ENOSPC while writing the temporary file) leaves no temporary file', async () => {
    const t = await setUp();
    t.faults.fail({ ops: ['write'], path: t.vaultPath, code: 'ENOSPC', times: 1 });
    await expect(t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base })).rejects.toThrow(
      /disk is full/,
    );
    expect(readdirSync(t.abs('Notes'))).toEqual(['Cells.md']);
    expect(readFileSync(t.abs('Notes/Cells.md'), 'utf8')).toBe('original');
  });

  it('the vault folder deleted mid-session: says the vault is gone, keeps the draft, does not recreate the vault', async () => {
    const t = await setUp();
    rmSync(t.vaultPath, { recursive: true });
    const error = await refusal(t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base }));
    expect(error.code).toBe('io-failure');
    expect(error.message).toContain(`the vault folder ${t.vaultPath} is gone`);
    expect(existsSync(t.vaultPath)).toBe(false);
    expect((await t.store.listDrafts()).map((d) => d.content)).toEqual(['edited']);

    // The drive comes back (the folder is restored): the retry goes through.
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(t.vaultPath, 'Notes'), { recursive: true });
    writeFileSync(t.abs('Notes/Cells.md'), 'original');
    const retry = await t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base });
    expect(retry.status).toBe('saved');
    expect(await t.store.listDrafts()).toEqual([]);
  });

  it('the vault vanishing under an injected ENOENT is told apart from a missing note folder', async () => {
    const t = await setUp();
    t.faults.fail({ ops: ['realpath', 'stat'], path: (p) => p === t.vaultPath, code: 'ENOENT' });
    const error = await refusal(t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base }));
    expect(error.message).toMatch(/vault folder .* is gone/);
    expect(readFileSync(t.abs('Notes/Cells.md'), 'utf8')).toBe('original');
  });

  it('still saves when only the recovery copy cannot be written', async () => {
    const t = await setUp();
    t.faults.fail({ ops: WRITE_OPS, path: t.stateDir, code: 'ENOSPC' });
    const result = await t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base });
    expect(result.status).toBe('saved');
  });

  it('says so when neither the note nor its recovery copy can be written', async () => {
    const t = await setUp();
    t.faults.fail({ ops: WRITE_OPS, code: 'ENOSPC' });
    const error = await refusal(t.store.saveNote({ path: 'Notes/Cells.md', content: 'edited', baseVersion: t.base }));
    expect(error.message).toMatch(/disk is full.*keep the app open/);
  });

  it('a failed save does not block the next saves of that note', async () => {
    const t = await setUp();
    t.faults.fail({ ops: ['rename'], path: t.vaultPath, code: 'EACCES', times: 1 });
    const failed = t.store.saveNote({ path: 'Notes/Cells.md', content: 'a', baseVersion: t.base });
    const next = t.store.saveNote({ path: 'Notes/Cells.md', content: 'b', baseVersion: t.base });
    await expect(failed).rejects.toThrow(/permission denied/);
    await expect(next).resolves.toMatchObject({ status: 'saved' });
    expect(readFileSync(t.abs('Notes/Cells.md'), 'utf8')).toBe('b');
  });

  it('offers drafts back after a restart, and discards them on request', async () => {
    const t = await setUp();
    t.faults.fail({ ops: WRITE_OPS, path: join(t.vaultPath, 'Notes'), code: 'EROFS' });
    await expect(
      t.store.saveNote({ path: 'Notes/Cells.md', content: 'unsaved', baseVersion: t.base }),
    ).rejects.toThrow();
    await t.store.close();

    // A new session on the same vault and state folder (the app restarted).
    const again = await vaults.open({ vaultPath: t.vaultPath, stateDir: t.stateDir });
    const drafts = await again.store.listDrafts();
    expect(drafts).toEqual([
      { path: 'Notes/Cells.md', content: 'unsaved', baseVersion: t.base, savedAt: expect.any(String) },
    ]);
    expect(snapshot(t.vaultPath)).toEqual({ 'Notes/Cells.md': 'original' });
    await again.store.discardDraft('Notes/Cells.md');
    expect(await again.store.listDrafts()).toEqual([]);
  });
});
