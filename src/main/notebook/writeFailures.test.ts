import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type NotebookClient } from '@shared/api/createClient';
import { createDispatcher } from '@shared/api/createDispatcher';
import { refusal } from '@shared/api/testing/refusal';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { faultyVaultFs, WRITE_OPS } from './fs/testing/faultyVaultFs';
import { openNotebook, type NotebookService } from './openNotebook';

/**
 * Write failures as the UI meets them: the notebook opened on a file layer that refuses
 * writes the way a read-only folder, a folder without permission or a full disk does,
 * reached through the dispatcher and the very client the renderer uses. (Running as root,
 * chmod cannot produce these, hence the injected faults.) The renderer's side, keeping the
 * edits in the editor and retrying, is NoteSession's (see NoteSession.writeFailures.test.ts);
 * the whole path through the UI is e2e/specs/notes.spec.ts ("a failed save says so").
 */

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

async function setUp() {
  const base = dirs.make('write-failures-');
  const vaultPath = join(base, 'vault');
  mkdirSync(join(vaultPath, 'Biology'), { recursive: true });
  writeFileSync(join(vaultPath, 'Biology', 'Cells.md'), 'Cells have membranes.\n');
  writeFileSync(join(vaultPath, 'Index.md'), 'See [[Cells]].\n');
  const faults = faultyVaultFs();
  const service = await openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir: join(base, 'state'), host: 'web', appVersion: '0.0.0' },
    { fs: faults.fs, watch: { pollIntervalMs: 0 }, log: () => undefined },
  );
  services.push(service);
  const dispatch = createDispatcher(service);
  const api: NotebookClient = createClient({
    call: (method, args) => dispatch(method, args),
    on: () => () => undefined,
  });
  const cells = await api.readNote({ path: 'Biology/Cells.md' });
  return { vaultPath, faults, service, api, cells, abs: (path: string) => join(vaultPath, ...path.split('/')) };
}

/** Every file in the vault with its text: nothing may change when a write fails. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) Object.assign(out, snapshot(join(dir, entry.name), `${path}/`));
    else out[path] = readFileSync(join(dir, entry.name), 'utf8');
  }
  return out;
}

describe.each([
  ['a read-only folder', 'EROFS', 'the vault is on a read-only disk'],
  ['a folder the app may not write in', 'EACCES', 'permission denied: the app may not write in this folder'],
  ['a full disk', 'ENOSPC', 'the disk is full'],
  ['a used-up disk quota', 'EDQUOT', 'your disk quota is used up'],
])('writing to %s', (_label, code, why) => {
  it('a save is refused with a message naming the cause; the file stays, the edits wait in the recovery copy; a retry saves', async () => {
    const t = await setUp();
    const before = snapshot(t.vaultPath);
    const heal = t.faults.fail({ ops: WRITE_OPS, path: t.abs('Biology'), code });
    const edited = {
      path: 'Biology/Cells.md',
      content: 'Cells have membranes and a nucleus.\n',
      baseVersion: t.cells.version,
    };

    const error = await refusal(t.api.saveNote(edited));
    expect(error.code).toBe('io-failure');
    expect(error.message).toBe(
      `Could not save "Cells": ${why}. Your text is kept in a recovery copy outside the vault; try again once the problem is solved.`,
    );
    expect(snapshot(t.vaultPath)).toEqual(before);
    expect(await t.api.listDrafts()).toEqual([expect.objectContaining({ path: edited.path, content: edited.content })]);
    // The indexes still describe the file as it is.
    expect((await t.api.search({ query: 'nucleus' })).hits).toEqual([]);

    // Autosave tries again while the problem lasts: still refused, still nothing lost.
    await expect(t.api.saveNote({ ...edited, content: `${edited.content}More.\n` })).rejects.toThrow(why);
    expect(snapshot(t.vaultPath)).toEqual(before);
    expect((await t.api.listDrafts()).map((draft) => draft.content)).toEqual([`${edited.content}More.\n`]);

    heal();
    await expect(t.api.saveNote(edited)).resolves.toMatchObject({ status: 'saved' });
    expect(readFileSync(t.abs(edited.path), 'utf8')).toBe(edited.content);
    expect(await t.api.listDrafts()).toEqual([]);
    await (await t.service.searchService()).whenReady();
    await t.service.settled();
    await expect
      .poll(async () => (await t.api.search({ query: 'nucleus' })).hits.map((hit) => hit.title))
      .toEqual(['Cells']);
  });

  it('creating, renaming and deleting are refused with the cause and change nothing', async () => {
    const t = await setUp();
    const before = snapshot(t.vaultPath);
    t.faults.fail({ ops: WRITE_OPS, path: t.vaultPath, code });

    const created = await refusal(t.api.createNote({ title: 'Mitosis', folder: 'Biology', content: 'Division.' }));
    expect(created.message).toBe(`Could not create "Mitosis": ${why}.`);
    const renamed = await refusal(t.api.renameNote({ path: 'Biology/Cells.md', title: 'Cell', updateLinks: true }));
    expect(renamed.message).toBe(`Could not rename "Cells": ${why}.`);
    const deleted = await refusal(t.api.deleteNote({ path: 'Biology/Cells.md' }));
    expect(deleted.message).toBe(`Could not move "Cells" to the trash: ${why}.`);
    for (const refused of [created, renamed, deleted]) expect(refused.code).toBe('io-failure');

    expect(snapshot(t.vaultPath)).toEqual(before);
    expect(existsSync(t.abs('.trash'))).toBe(false);
    expect((await t.api.listNotes()).map((note) => note.path).sort()).toEqual(['Biology/Cells.md', 'Index.md']);
    const backlinks = await t.api.getBacklinks({ ref: { kind: 'note', path: 'Biology/Cells.md' } });
    expect(backlinks.groups.map((group) => group.title)).toEqual(['Index']);
  });
});

describe('a full disk everywhere (the vault and the app state on one disk)', () => {
  it('says the recovery copy failed too, so the user keeps the app open; a retry saves', async () => {
    const t = await setUp();
    const heal = t.faults.fail({ ops: WRITE_OPS, code: 'ENOSPC' });
    const edited = { path: 'Biology/Cells.md', content: 'Typed on a full disk.\n', baseVersion: t.cells.version };
    const error = await refusal(t.api.saveNote(edited));
    expect(error.message).toBe(
      'Could not save "Cells": the disk is full. The recovery copy could not be written either: keep the app open so the text stays in the editor.',
    );
    expect(readFileSync(t.abs(edited.path), 'utf8')).toBe('Cells have membranes.\n');
    heal();
    await expect(t.api.saveNote(edited)).resolves.toMatchObject({ status: 'saved' });
  });

  it('a disk that fills up in the middle of writing the note leaves the original and no stray file', async () => {
    const t = await setUp();
    t.faults.fail({ ops: ['write'], path: t.vaultPath, code: 'ENOSPC', times: 1 });
    const edited = { path: 'Biology/Cells.md', content: 'x'.repeat(100_000), baseVersion: t.cells.version };
    await expect(t.api.saveNote(edited)).rejects.toThrow('the disk is full');
    expect(readdirSync(t.abs('Biology'))).toEqual(['Cells.md']);
    expect(readFileSync(t.abs(edited.path), 'utf8')).toBe('Cells have membranes.\n');
    await expect(t.api.saveNote(edited)).resolves.toMatchObject({ status: 'saved' });
  });
});
