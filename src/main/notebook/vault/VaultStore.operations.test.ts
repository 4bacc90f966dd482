import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotebookError } from '@shared/api/errors';
import { refusal } from '@shared/api/testing/refusal';
import { MAX_NOTE_BYTES } from '@shared/domain/note';
import { faultyVaultFs } from '../fs/testing/faultyVaultFs';
import { versionOf } from './noteVersion';
import { testVaults } from './testing/testVault';

const vaults = testVaults();
afterEach(() => vaults.cleanup());

function touch(path: string, minutesAgo: number): void {
  const when = new Date(Date.UTC(2024, 0, 1, 12, 0) - minutesAgo * 60_000);
  utimesSync(path, when, when);
}

describe('listing the vault', () => {
  it('lists Markdown files in subfolders, most recently modified first (ties by title), with front matter fields', async () => {
    const { vaultPath, stateDir } = vaults.folders();
    mkdirSync(join(vaultPath, 'Bio'));
    writeFileSync(join(vaultPath, 'Old.md'), 'old');
    const cells = '---\naliases: Cell\ntags: [bio, "#exam"]\n---\n# Cells\n';
    writeFileSync(join(vaultPath, 'Bio', 'Cells.MD'), cells);
    writeFileSync(join(vaultPath, 'b tie.md'), '');
    writeFileSync(join(vaultPath, 'A tie.md'), '');
    touch(join(vaultPath, 'Old.md'), 60);
    touch(join(vaultPath, 'Bio', 'Cells.MD'), 1);
    touch(join(vaultPath, 'b tie.md'), 30);
    touch(join(vaultPath, 'A tie.md'), 30);
    const t = await vaults.open({ vaultPath, stateDir });
    expect(t.store.listNotes()).toEqual([
      {
        path: 'Bio/Cells.MD',
        title: 'Cells',
        folder: 'Bio',
        modified: '2024-01-01T11:59:00.000Z',
        size: cells.length,
        aliases: ['Cell'],
        tags: ['bio', 'exam'],
      },
      expect.objectContaining({ path: 'A tie.md' }),
      expect.objectContaining({ path: 'b tie.md' }),
      expect.objectContaining({ path: 'Old.md', title: 'Old', folder: '' }),
    ]);
  });

  it('ignores hidden folders, .obsidian, .trash, node_modules, non-Markdown files and temporary files, and touches none', async () => {
    const { vaultPath, stateDir } = vaults.folders();
    const files: Record<string, string> = {
      '.obsidian/workspace.md': 'x',
      '.trash/Old.md': 'x',
      '.git/notes.md': 'x',
      'node_modules/pkg/README.md': 'x',
      'image.png': 'png',
      'notes.txt': 'txt',
      'Note.md~': 'backup',
      '.Note.md.swp': 'swap',
      '.#Note.md': 'lock',
      'Sub/.hidden.md': 'x',
      'Note.md': '---\nunknown: [kept]\n---\nbody',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(vaultPath, path, '..'), { recursive: true });
      writeFileSync(join(vaultPath, path), content);
    }
    const t = await vaults.open({ vaultPath, stateDir });
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Note.md']);
    await t.store.readNote('Note.md');
    await t.store.close();
    for (const [path, content] of Object.entries(files))
      expect(readFileSync(join(vaultPath, path), 'utf8')).toBe(content);
  });

  it('removes temporary files that interrupted saves left behind, once they are old, and nothing else', async () => {
    const { vaultPath, stateDir } = vaults.folders();
    mkdirSync(join(vaultPath, 'Bio'));
    const files: Record<string, string> = {
      'Cells.md': 'old content',
      '.Cells.md.0a1b2c3d4e5f.tmp': 'new con', // a save cut short an hour ago
      'Bio/.Axon.md.ffffffffffff.tmp': 'half',
      '.Cells.md.1a2b3c4d5e6f.tmp': 'in flight', // another instance writing right now
      '.Cells.md.abc.tmp': 'not ours',
      '.Cells.md.0a1b2c3d4e5f.tmp.bak': 'not ours',
      'Cells.md.0a1b2c3d4e5f.tmp': 'not hidden: not ours',
    };
    for (const [path, content] of Object.entries(files)) writeFileSync(join(vaultPath, path), content);
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const path of Object.keys(files)) {
      if (path !== '.Cells.md.1a2b3c4d5e6f.tmp') utimesSync(join(vaultPath, path), hourAgo, hourAgo);
    }
    const t = await vaults.open({ vaultPath, stateDir });
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Cells.md']);
    await t.store.close();
    const removed = ['.Cells.md.0a1b2c3d4e5f.tmp', 'Bio/.Axon.md.ffffffffffff.tmp'];
    for (const [path, content] of Object.entries(files)) {
      if (removed.includes(path)) expect(existsSync(join(vaultPath, path)), path).toBe(false);
      else expect(readFileSync(join(vaultPath, path), 'utf8'), path).toBe(content);
    }
  });

  it('never follows a symbolic link to a folder, and lists a linked file only when its target is inside the vault', async () => {
    const outside = vaults.dirs.make('outside-');
    writeFileSync(join(outside, 'Secret.md'), 'secret');
    const { vaultPath, stateDir } = vaults.folders();
    writeFileSync(join(vaultPath, 'Real.md'), 'real');
    symlinkSync(outside, join(vaultPath, 'LinkedFolder'));
    symlinkSync(join(outside, 'Secret.md'), join(vaultPath, 'Leak.md'));
    symlinkSync(join(vaultPath, 'Real.md'), join(vaultPath, 'Alias.md'));
    symlinkSync(join(vaultPath, 'Nowhere.md'), join(vaultPath, 'Dangling.md'));
    symlinkSync(vaultPath, join(vaultPath, 'Loop'));
    const t = await vaults.open({ vaultPath, stateDir });
    expect(
      t.store
        .listNotes()
        .map((n) => n.path)
        .sort(),
    ).toEqual(['Alias.md', 'Real.md']);
  });

  it('skips files whose names the contract cannot address', async () => {
    const { vaultPath, stateDir } = vaults.folders();
    writeFileSync(join(vaultPath, 'What? Why.md'), 'x');
    writeFileSync(join(vaultPath, 'CON.md'), 'x');
    writeFileSync(join(vaultPath, 'Fine.md'), 'x');
    const t = await vaults.open({ vaultPath, stateDir });
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Fine.md']);
  });

  it('keeps no note text in memory: summaries only', async () => {
    const t = await vaults.open();
    await t.store.saveNote({ path: 'Big.md', content: 'secret words '.repeat(100), baseVersion: null });
    expect(JSON.stringify(t.store.listNotes())).not.toContain('secret');
  });
});

describe('reading', () => {
  it('returns content, version and summary', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Cells.md'), 'hello');
    expect(await t.store.readNote('Cells.md')).toMatchObject({
      path: 'Cells.md',
      title: 'Cells',
      content: 'hello',
      version: versionOf(Buffer.from('hello')),
      readOnly: null,
      size: 5,
    });
  });

  it('answers not-found for a missing note or a folder', async () => {
    const t = await vaults.open();
    mkdirSync(t.abs('Folder.md'));
    expect((await refusal(t.store.readNote('Missing.md'))).code).toBe('not-found');
    expect((await refusal(t.store.readNote('Folder.md'))).code).toBe('not-found');
  });

  it('returns a note above the size limit read-only without its text, and never writes it', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Huge.md'), Buffer.alloc(MAX_NOTE_BYTES + 1, 0x61));
    const note = await t.store.readNote('Huge.md');
    expect(note.content).toBe('');
    expect(note.readOnly?.reason).toMatch(/larger than/);
    const error = await refusal(t.store.saveNote({ path: 'Huge.md', content: 'x', baseVersion: note.version }));
    expect(error.code).toBe('read-only');
    expect(readFileSync(t.abs('Huge.md')).length).toBe(MAX_NOTE_BYTES + 1);
  });
});

describe('createNote', () => {
  it('names untitled notes "Untitled", "Untitled 1", "Untitled 2", …', async () => {
    const t = await vaults.open();
    const titles = [];
    for (let i = 0; i < 3; i++) titles.push((await t.store.createNote({})).title);
    expect(titles).toEqual(['Untitled', 'Untitled 1', 'Untitled 2']);
    expect(readdirSync(t.vaultPath).sort()).toEqual(['Untitled 1.md', 'Untitled 2.md', 'Untitled.md']);
  });

  it('gives concurrent untitled notes distinct names', async () => {
    const t = await vaults.open();
    const notes = await Promise.all(Array.from({ length: 5 }, () => t.store.createNote({})));
    expect(new Set(notes.map((n) => n.title)).size).toBe(5);
  });

  it('sanitizes the title, creates the folder, writes the content and returns the note', async () => {
    const t = await vaults.open();
    const note = await t.store.createNote({ title: ' What: is/a "cell"? ', folder: 'Bio/Basics', content: '# Cell\n' });
    expect(note).toMatchObject({
      path: 'Bio/Basics/What is a cell.md',
      title: 'What is a cell',
      folder: 'Bio/Basics',
      content: '# Cell\n',
      version: versionOf(Buffer.from('# Cell\n')),
      readOnly: null,
    });
    expect(readFileSync(t.abs('Bio/Basics/What is a cell.md'), 'utf8')).toBe('# Cell\n');
    expect(t.changes).toEqual([expect.objectContaining({ kind: 'added', path: note.path, external: false })]);
  });

  it('refuses a title that already exists in the folder, ignoring letter case, and names it', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('Cells.md'), 'mine');
    const error = await refusal(t.store.createNote({ title: 'cells', content: 'other' }));
    expect(error.code).toBe('already-exists');
    expect(error.message).toContain('"cells"');
    expect(readFileSync(t.abs('Cells.md'), 'utf8')).toBe('mine');
    // The same title in another folder is fine.
    await expect(t.store.createNote({ title: 'Cells', folder: 'Other' })).resolves.toMatchObject({
      path: 'Other/Cells.md',
    });
  });

  it.each([[''], ['   '], ['...'], ['///'], ['\u0000\u0001']])(
    'refuses a title with nothing usable (%j)',
    async (title) => {
      const t = await vaults.open();
      expect((await refusal(t.store.createNote({ title }))).code).toBe('invalid-arguments');
      expect(readdirSync(t.vaultPath)).toEqual([]);
    },
  );

  it.each([
    ['the glossary inside the vault', 'Glossary/New'],
    ['the glossary, several levels down', 'Glossary/New/Deeper/Deepest'],
    ['the state folder inside the vault', 'App state/Cache'],
  ])('refuses a folder under a protected folder (%s) before creating anything', async (_label, folder) => {
    const { vaultPath, stateDir } = vaults.folders();
    mkdirSync(join(vaultPath, 'Glossary'));
    mkdirSync(join(vaultPath, 'App state'));
    const protectedDirs = [join(vaultPath, 'Glossary'), join(vaultPath, 'App state')];
    const t = await vaults.open({ vaultPath, stateDir, protectedDirs });
    const error = await refusal(t.store.createNote({ title: 'Sneaky', folder, content: 'x' }));
    expect(error.code).toBe('read-only');
    expect(readdirSync(join(vaultPath, 'Glossary'))).toEqual([]);
    expect(readdirSync(join(vaultPath, 'App state'))).toEqual([]);
    expect(t.changes).toEqual([]);
  });

  it.each([['.obsidian/plugins'], ['.trash/Biology'], ['.git/hooks'], ['Notes/.hidden'], ['Bio/../..']])(
    'refuses a hidden or escaping folder (%j) before creating anything',
    async (folder) => {
      const t = await vaults.open();
      expect((await refusal(t.store.createNote({ title: 'Sneaky', folder }))).code).toBe('invalid-arguments');
      expect(readdirSync(t.vaultPath)).toEqual([]);
    },
  );

  it('shortens a very long title to the limit', async () => {
    const t = await vaults.open();
    const note = await t.store.createNote({ title: 'x'.repeat(400) });
    expect(note.title).toHaveLength(200);
  });
});

describe('moveNote', () => {
  it('moves a note into another folder under its name, creating the folder, and announces removed + added', async () => {
    const t = await vaults.open();
    const note = await t.store.createNote({ title: 'Cells', folder: 'Bio', content: 'text' });
    t.changes.length = 0;
    const summary = await t.store.moveNote({ path: 'Bio/Cells.md', folder: 'Study/Marks' });
    expect(summary).toMatchObject({ path: 'Study/Marks/Cells.md', title: 'Cells', folder: 'Study/Marks' });
    expect(readdirSync(t.abs('Bio'))).toEqual([]);
    expect(readFileSync(t.abs('Study/Marks/Cells.md'), 'utf8')).toBe('text');
    expect(t.changes).toEqual([
      { kind: 'removed', path: 'Bio/Cells.md', external: false },
      expect.objectContaining({ kind: 'added', path: 'Study/Marks/Cells.md', version: note.version, external: false }),
    ]);
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Study/Marks/Cells.md']);
  });

  it('never moves over another file, and refuses a folder the contract cannot address', async () => {
    const t = await vaults.open();
    mkdirSync(t.abs('Other'));
    writeFileSync(t.abs('A.md'), 'a');
    writeFileSync(t.abs('Other/A.md'), 'theirs');
    await t.store.rescan();
    expect((await refusal(t.store.moveNote({ path: 'A.md', folder: 'Other' }))).code).toBe('already-exists');
    expect((await refusal(t.store.moveNote({ path: 'A.md', folder: '../out' }))).code).toBe('invalid-arguments');
    expect((await refusal(t.store.moveNote({ path: 'Gone.md', folder: 'New' }))).code).toBe('not-found');
    expect(readFileSync(t.abs('A.md'), 'utf8')).toBe('a');
    expect(readFileSync(t.abs('Other/A.md'), 'utf8')).toBe('theirs');
  });
});

describe('renameNote', () => {
  it('renames within the folder, moves the draft along, and announces removed + added', async () => {
    const faults = faultyVaultFs();
    const t = await vaults.open({ fs: faults.fs });
    const note = await t.store.createNote({ title: 'Cells', folder: 'Bio', content: 'text' });
    faults.fail({ ops: ['rename'], path: t.abs('Bio/Cells.md'), code: 'EACCES' });
    await expect(
      t.store.saveNote({ path: note.path, content: 'unsaved', baseVersion: note.version }),
    ).rejects.toThrow();
    faults.clear();
    t.changes.length = 0;

    const summary = await t.store.renameNote({ path: 'Bio/Cells.md', title: 'Cell: basics' });
    expect(summary).toMatchObject({ path: 'Bio/Cell basics.md', title: 'Cell basics', folder: 'Bio' });
    expect(readdirSync(t.abs('Bio'))).toEqual(['Cell basics.md']);
    expect(readFileSync(t.abs('Bio/Cell basics.md'), 'utf8')).toBe('text');
    expect(await t.store.listDrafts()).toEqual([
      expect.objectContaining({ path: 'Bio/Cell basics.md', content: 'unsaved' }),
    ]);
    expect(t.changes).toEqual([
      { kind: 'removed', path: 'Bio/Cells.md', external: false },
      expect.objectContaining({ kind: 'added', path: 'Bio/Cell basics.md', version: note.version, external: false }),
    ]);
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Bio/Cell basics.md']);
  });

  it('refuses a clash with another note, ignoring letter case, and touches neither', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('A.md'), 'a');
    writeFileSync(t.abs('B.md'), 'b');
    await t.store.rescan();
    const error = await refusal(t.store.renameNote({ path: 'A.md', title: 'b' }));
    expect(error.code).toBe('already-exists');
    expect(error.message).toContain('"b"');
    expect(readFileSync(t.abs('A.md'), 'utf8')).toBe('a');
    expect(readFileSync(t.abs('B.md'), 'utf8')).toBe('b');
  });

  it('allows a rename that only changes letter case', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('cells.md'), 'x');
    await t.store.rescan();
    const summary = await t.store.renameNote({ path: 'cells.md', title: 'Cells' });
    expect(summary.path).toBe('Cells.md');
    expect(readdirSync(t.vaultPath)).toEqual(['Cells.md']);
  });

  it('never overwrites a file that appears under the new name at the last moment', async () => {
    const faults = faultyVaultFs();
    const t = await vaults.open({ fs: faults.fs });
    writeFileSync(t.abs('A.md'), 'a');
    const inner = faults.fs.readdir;
    faults.fs.readdir = async (path) => {
      const entries = await inner(path);
      // Another program creates B.md right after the clash check looked.
      if (!existsSync(t.abs('B.md'))) writeFileSync(t.abs('B.md'), 'theirs');
      return entries.filter((e) => e.name !== 'B.md');
    };
    const error = await refusal(t.store.renameNote({ path: 'A.md', title: 'B' }));
    expect(error.code).toBe('already-exists');
    expect(readFileSync(t.abs('B.md'), 'utf8')).toBe('theirs');
    expect(readFileSync(t.abs('A.md'), 'utf8')).toBe('a');
  });

  it('calls the rename hooks around the move, and a refusing hook cancels it', async () => {
    const before = vi.fn();
    const after = vi.fn();
    const t = await vaults.open({ hooks: { beforeRename: before, afterRename: after } });
    writeFileSync(t.abs('A.md'), 'a');
    await t.store.renameNote({ path: 'A.md', title: 'B' });
    expect(before).toHaveBeenCalledWith('A.md', 'B.md');
    expect(after).toHaveBeenCalledWith('A.md', 'B.md');
    before.mockRejectedValueOnce(new NotebookError('conflict', 'links are being rewritten'));
    await expect(t.store.renameNote({ path: 'B.md', title: 'C' })).rejects.toThrow('links are being rewritten');
    expect(existsSync(t.abs('B.md'))).toBe(true);
  });

  it('answers not-found for a missing note and invalid-arguments for an empty title', async () => {
    const t = await vaults.open();
    expect((await refusal(t.store.renameNote({ path: 'Missing.md', title: 'X' }))).code).toBe('not-found');
    writeFileSync(t.abs('A.md'), 'a');
    expect((await refusal(t.store.renameNote({ path: 'A.md', title: '  ' }))).code).toBe('invalid-arguments');
  });
});

describe('deleteNote', () => {
  it('moves the note into <vault>/.trash keeping its folder, with a new name when one is taken there', async () => {
    const t = await vaults.open();
    mkdirSync(t.abs('Bio'));
    writeFileSync(t.abs('Bio/Cells.md'), 'first');
    await t.store.rescan();
    t.changes.length = 0;
    expect(await t.store.deleteNote('Bio/Cells.md')).toEqual({ trashedTo: '.trash/Bio/Cells.md' });
    writeFileSync(t.abs('Bio/Cells.md'), 'second');
    await t.store.rescan();
    expect(await t.store.deleteNote('Bio/Cells.md')).toEqual({ trashedTo: '.trash/Bio/Cells 1.md' });
    expect(readFileSync(t.abs('.trash/Bio/Cells.md'), 'utf8')).toBe('first');
    expect(readFileSync(t.abs('.trash/Bio/Cells 1.md'), 'utf8')).toBe('second');
    expect(readdirSync(t.abs('Bio'))).toEqual([]);
    expect(t.store.listNotes()).toEqual([]);
    expect(t.changes.filter((c) => !c.external)).toEqual([
      { kind: 'removed', path: 'Bio/Cells.md', external: false },
      { kind: 'removed', path: 'Bio/Cells.md', external: false },
    ]);
  });

  it('refuses to trash into a .trash folder that links outside the vault', async () => {
    const outside = vaults.dirs.make('outside-');
    const t = await vaults.open();
    symlinkSync(outside, t.abs('.trash'));
    mkdirSync(t.abs('Bio'));
    writeFileSync(t.abs('Bio/Cells.md'), 'x');
    const error = await refusal(t.store.deleteNote('Bio/Cells.md'));
    expect(error.code).toBe('invalid-arguments');
    expect(readdirSync(outside)).toEqual([]);
    expect(readFileSync(t.abs('Bio/Cells.md'), 'utf8')).toBe('x');
  });

  it('uses the system trash when the host provides one', async () => {
    const trashed: string[] = [];
    const t = await vaults.open({ trashItem: async (path) => void trashed.push(path) });
    writeFileSync(t.abs('Cells.md'), 'x');
    expect(await t.store.deleteNote('Cells.md')).toEqual({ trashedTo: 'system trash' });
    expect(trashed).toEqual([t.abs('Cells.md')]);
  });

  it('reports a system trash failure as io-failure and keeps the note', async () => {
    const t = await vaults.open({
      trashItem: async () => {
        throw new Error('Failed to move item to trash');
      },
    });
    writeFileSync(t.abs('Cells.md'), 'x');
    const error = await refusal(t.store.deleteNote('Cells.md'));
    expect(error.code).toBe('io-failure');
    expect(error.message).toMatch(/system trash refused/);
    expect(existsSync(t.abs('Cells.md'))).toBe(true);
  });

  it('answers not-found for a missing note', async () => {
    const t = await vaults.open();
    expect((await refusal(t.store.deleteNote('Missing.md'))).code).toBe('not-found');
  });

  it('trashes a hard-linked note without touching the other name', async () => {
    const t = await vaults.open();
    writeFileSync(t.abs('A.md'), 'a');
    linkSync(t.abs('A.md'), t.abs('B.md'));
    await t.store.deleteNote('A.md');
    expect(readFileSync(t.abs('B.md'), 'utf8')).toBe('a');
  });
});

describe('close', () => {
  it('waits for queued saves to finish', async () => {
    const t = await vaults.open();
    const saves = Array.from({ length: 10 }, (_, i) =>
      t.store.saveNote({ path: `N${i}.md`, content: String(i), baseVersion: null }),
    );
    await t.store.close();
    for (let i = 0; i < 10; i++) expect(readFileSync(t.abs(`N${i}.md`), 'utf8')).toBe(String(i));
    await Promise.all(saves);
    await expect(t.store.saveNote({ path: 'Late.md', content: 'x', baseVersion: null })).rejects.toThrow(/closed/);
  });
});
