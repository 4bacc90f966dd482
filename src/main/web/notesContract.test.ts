import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Note, NoteSummary, RenameResult, SaveResult } from '@shared/domain/note';
import { contractSuite, openTestNotebook } from '../testing/contractSuite';
import { valueOf } from '../testing/contractTargets';
import { tempDirs } from '../testing/tempDirs';

/**
 * The note methods of the contract, run against the in-process dispatcher and the HTTP
 * host, on a real vault with a sibling folder outside it that hostile calls try to reach.
 */
const dirs = tempDirs();
let base: string;
let vaultPath: string;
let siblingPath: string;

/** Every entry under a folder (links not followed), with file bytes, link targets and modes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const abs = join(entry.parentPath, entry.name);
    const rel = abs.slice(dir.length + 1);
    const stats = statSync(abs, { throwIfNoEntry: false });
    if (entry.isSymbolicLink()) out[rel] = 'link';
    else if (entry.isFile()) out[rel] = `${stats?.mode} ${readFileSync(abs).toString('base64')}`;
    else out[rel] = `dir ${stats?.mode}`;
  }
  return out;
}

const suite = contractSuite(async () => {
  base = dirs.make('notes-contract-');
  vaultPath = join(base, 'vault');
  siblingPath = join(base, 'sibling');
  mkdirSync(vaultPath);
  mkdirSync(join(siblingPath, 'deep'), { recursive: true });
  writeFileSync(join(siblingPath, 'Secret.md'), 'sibling secret');
  writeFileSync(join(siblingPath, 'x.md'), 'sibling x');
  writeFileSync(join(siblingPath, 'deep', 'Note.md'), 'deep');
  symlinkSync(join(siblingPath, 'Secret.md'), join(vaultPath, 'Leak.md'));
  symlinkSync(siblingPath, join(vaultPath, 'LinkedDir'));
  return { service: await openTestNotebook(vaultPath, join(base, 'state'), { watch: { pollIntervalMs: 0 } }) };
});
afterAll(() => dirs.cleanup());

const targets = suite.targets;
const value = valueOf;

const HOSTILE_PATHS = [
  '../x.md',
  '../sibling/Secret.md',
  '/etc/passwd.md',
  `${'/'}${'x.md'}`,
  'C:\\x.md',
  'C:/x.md',
  '\\\\server\\share\\x.md',
  'a/../../x.md',
  'a/./x.md',
  '.obsidian/x.md',
  '.trash/x.md',
  'CON.md',
  'a/aux.md',
  '',
  'x'.repeat(2000) + '.md',
  'a\u0000b.md',
  'gaba-glutamate-ratio',
  'entries/gaba-glutamate-ratio',
  'notes',
];

/** Paths that are well-formed but lead outside the vault through links. */
const LINKED_PATHS = ['Leak.md', 'LinkedDir/Secret.md', 'LinkedDir/x.md', 'LinkedDir/deep/Note.md', 'LinkedDir/New.md'];

describe.each(targets)('the note methods over the $name', (target) => {
  it('create → list → read → save → rename → delete, as a user would', async () => {
    const suffix = target.name === 'HTTP host' ? 'http' : 'local';
    const created = value<Note>(
      await target.call('createNote', { title: `Cells ${suffix}`, folder: `Bio ${suffix}`, content: '# Cells\n' }),
    );
    expect(created).toMatchObject({ path: `Bio ${suffix}/Cells ${suffix}.md`, content: '# Cells\n', readOnly: null });
    const listed = value<NoteSummary[]>(await target.call('listNotes', null));
    expect(listed[0]?.path).toBe(created.path);
    const read = value<Note>(await target.call('readNote', { path: created.path }));
    expect(read.version).toBe(created.version);
    const saved = value<SaveResult>(
      await target.call('saveNote', { path: created.path, content: '# Cells\n\nMore.\n', baseVersion: read.version }),
    );
    expect(saved.status).toBe('saved');
    expect(readFileSync(join(vaultPath, created.path), 'utf8')).toBe('# Cells\n\nMore.\n');
    const stale = value<SaveResult>(
      await target.call('saveNote', { path: created.path, content: 'stale edit', baseVersion: read.version }),
    );
    expect(stale).toMatchObject({ status: 'conflict', current: { content: '# Cells\n\nMore.\n' } });
    const reported = value<SaveResult>(
      await target.call('saveNote', {
        path: created.path,
        content: 'stale edit',
        baseVersion: read.version,
        ifChanged: 'report',
      }),
    );
    expect(reported).toMatchObject({ status: 'stale', current: { content: '# Cells\n\nMore.\n' } });
    // The caller merges and saves against the version on disk (which clears the recovery copy).
    const merged = value<SaveResult>(
      await target.call('saveNote', {
        path: created.path,
        content: '# Cells\n\nMore.\n\nstale edit\n',
        baseVersion: reported.status === 'stale' ? reported.current.version : null,
        ifChanged: 'report',
      }),
    );
    expect(merged.status).toBe('saved');
    const { note: renamed } = value<RenameResult>(
      await target.call('renameNote', { path: created.path, title: `Cell ${suffix}` }),
    );
    expect(renamed.path).toBe(`Bio ${suffix}/Cell ${suffix}.md`);
    expect(value(await target.call('deleteNote', { path: renamed.path }))).toEqual({
      trashedTo: `.trash/Bio ${suffix}/Cell ${suffix}.md`,
    });
    await expect(target.call('readNote', { path: renamed.path })).resolves.toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('answers already-exists for a clashing title, naming it', async () => {
    value(await target.call('createNote', { title: `Clash ${target.name}` }));
    const result = await target.call('createNote', { title: `clash ${target.name}` });
    expect(result).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect(!result.ok && result.error.message).toContain(`"clash ${target.name}"`);
  });

  it.each(HOSTILE_PATHS)('refuses the path %j in every method, with a message naming the field', async (path) => {
    const calls: [string, unknown][] = [
      ['readNote', { path }],
      ['saveNote', { path, content: 'pwned', baseVersion: null }],
      ['renameNote', { path, title: 'pwned' }],
      ['deleteNote', { path }],
      ['discardDraft', { path }],
    ];
    for (const [method, args] of calls) {
      const result = await target.call(method, args);
      expect(result, `${method} ${JSON.stringify(path)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
      expect(!result.ok && result.error.message).toMatch(/args\.path/);
    }
  });

  it.each(['..', '../sibling', '/tmp', 'C:\\', 'a/../..', '.obsidian', '.trash', 'CON', 'a\u0000'])(
    'refuses the folder %j for createNote',
    async (folder) => {
      await expect(target.call('createNote', { title: 'pwned', folder })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    },
  );

  it.each([
    ['an empty title', ''],
    ['a 10,000-character title', 'x'.repeat(10_000)],
    ['a NUL byte', 'a\u0000b'],
    ['nothing usable', ' ... '],
  ])('refuses %s for createNote and renameNote', async (_label, title) => {
    await expect(target.call('createNote', { title })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
    await expect(target.call('renameNote', { path: 'Anything.md', title })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments' },
    });
  });

  it.each(LINKED_PATHS)('refuses %s (a symbolic link out of the vault) for reads and writes', async (path) => {
    for (const [method, args] of [
      ['readNote', { path }],
      ['saveNote', { path, content: 'pwned', baseVersion: null }],
      ['renameNote', { path, title: 'pwned' }],
      ['deleteNote', { path }],
    ] as const) {
      const result = await target.call(method, args);
      // A path through a link to nowhere may also be plain not-found; never a success.
      expect(result.ok, `${method} ${path}`).toBe(false);
      if (!result.ok && path !== 'LinkedDir/New.md') {
        expect(result.error.code).toBe('invalid-arguments');
        expect(result.error.message).toMatch(/outside the vault/);
      }
    }
    expect(readFileSync(join(siblingPath, 'Secret.md'), 'utf8')).toBe('sibling secret');
  });

  it.each([
    ['a linked folder', { title: 'pwned', folder: 'LinkedDir' }],
    ['a folder inside a linked folder', { title: 'pwned', folder: 'LinkedDir/new' }],
  ])('refuses createNote in %s', async (_label, args) => {
    await expect(target.call('createNote', args)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringMatching(/outside the vault/) },
    });
  });

  it('refuses unknown fields, wrong types and content with NUL characters', async () => {
    for (const [method, args] of [
      ['saveNote', { path: 'A.md', content: 'x', baseVersion: null, force: true }],
      ['saveNote', { path: 'A.md', content: 5, baseVersion: null }],
      ['saveNote', { path: 'A.md', content: 'x' }],
      ['saveNote', { path: 'A.md', content: 'x', baseVersion: '../../etc' }],
      ['saveNote', { path: 'A.md', content: 'a\u0000b', baseVersion: null }],
      ['saveNote', { path: 'A.md', content: 'x', baseVersion: null, ifChanged: 'overwrite' }],
      ['createNote', { title: 'A', content: 'a\u0000b' }],
      ['readNote', { path: ['A.md'] }],
      ['listNotes', { path: 'A.md' }],
      ['openVault', { path: 5 }],
    ] as const) {
      await expect(target.call(method, args), `${method} ${JSON.stringify(args)}`).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
  });

  it('refuses openVault without a path under the HTTP host (no folder picker)', async () => {
    await expect(target.call('openVault', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-arguments', message: expect.stringMatching(/Choose one of your vaults/) },
    });
  });

  it('lists no drafts when every save went through', async () => {
    await expect(target.call('listDrafts', null)).resolves.toEqual({ ok: true, value: [] });
  });
});

describe('a barrage of hostile calls', () => {
  it('leaves a folder beside the vault byte-identical, and the vault unchanged', async () => {
    const siblingBefore = snapshot(siblingPath);
    const vaultBefore = snapshot(vaultPath);
    const paths = [...HOSTILE_PATHS, ...LINKED_PATHS, 'LinkedDir/deep/New.md', 'Leak.md'];
    const folders = ['..', '../sibling', 'LinkedDir', 'LinkedDir/deep', 'LinkedDir/brand-new', '/tmp', '.trash'];
    for (const target of targets) {
      for (const path of paths) {
        await target.call('readNote', { path });
        await target.call('saveNote', { path, content: 'pwned', baseVersion: null });
        await target.call('saveNote', { path, content: 'pwned', baseVersion: 'AAAAAAAAAAAAAAAAAAAAAA' });
        await target.call('renameNote', { path, title: 'pwned' });
        await target.call('renameNote', { path, title: '../../pwned' });
        await target.call('deleteNote', { path });
        await target.call('discardDraft', { path });
      }
      for (const folder of folders) {
        await target.call('createNote', { title: 'pwned', folder, content: 'pwned' });
        await target.call('createNote', { folder });
      }
      for (const title of ['../pwned', '../../sibling/x', '/etc/passwd', 'C:\\pwned', '.hidden', 'CON']) {
        const result = await target.call('createNote', { title, content: 'pwned' });
        // Titles are sanitized into a plain name inside the vault, never a path.
        if (result.ok) {
          const note = result.value as Note;
          expect(note.folder).toBe('');
          expect(note.path).not.toMatch(/[\\/]|^\./);
          await target.call('deleteNote', { path: note.path });
        }
      }
    }
    expect(snapshot(siblingPath)).toEqual(siblingBefore);
    const vaultAfter = snapshot(vaultPath);
    // Sanitized titles were created (and trashed) inside the vault; nothing else changed.
    for (const [path, content] of Object.entries(vaultBefore)) {
      if (!path.startsWith('.trash')) expect(vaultAfter[path], path).toBe(content);
    }
    for (const path of Object.keys(vaultAfter)) {
      expect(path in vaultBefore || path.startsWith('.trash'), `unexpected ${path}`).toBe(true);
    }
  });
});
