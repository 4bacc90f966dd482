import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoteChange } from '@shared/domain/note';
import { faultyVaultFs } from '../fs/testing/faultyVaultFs';
import { versionOf } from './noteVersion';
import { testVaults } from './testing/testVault';
import type { WatchStrategy } from './VaultWatcher';

const vaults = testVaults();
afterEach(() => vaults.cleanup());

/**
 * How long a test waits for the watcher to report a change. The product aims at "within about a
 * second" (a 300 ms poll, a 100 ms debounce), but a unit test judges that the change is seen by the
 * watcher at all, without a rescan: on a loaded 2-core machine running the whole suite in parallel
 * a poll can come late, and a 1 s budget failed there once. Latency belongs to the bench.
 */
const WITHIN_MS = 5000;

const v = (text: string) => versionOf(Buffer.from(text));
const external = (kind: NoteChange['kind'], path: string) => (c: NoteChange) =>
  c.kind === kind && c.path === path && c.external;

// Each strategy must deliver on its own: 'none' relies on the periodic rescan alone.
const strategies: { strategy: WatchStrategy; pollIntervalMs: number }[] = [
  { strategy: 'per-folder', pollIntervalMs: 0 },
  { strategy: 'recursive', pollIntervalMs: 0 },
  { strategy: 'none', pollIntervalMs: 300 },
];

describe.each(strategies)('external changes, watching with $strategy (poll $pollIntervalMs ms)', (watch) => {
  const open = () => vaults.open({ watch });

  it('reports a note created by another program, with its version and summary', async () => {
    const t = await open();
    const started = Date.now();
    writeFileSync(t.abs('New.md'), '---\ntags: [bio]\n---\nhello');
    const change = await t.waitFor(external('added', 'New.md'), WITHIN_MS);
    expect(Date.now() - started).toBeLessThan(WITHIN_MS);
    expect(change).toMatchObject({ version: v('---\ntags: [bio]\n---\nhello'), note: { title: 'New', tags: ['bio'] } });
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['New.md']);
  });

  it('reports a modification', async () => {
    const t = await open();
    writeFileSync(t.abs('Edit.md'), 'one');
    await t.store.rescan();
    writeFileSync(t.abs('Edit.md'), 'two');
    const change = await t.waitFor(external('changed', 'Edit.md'), WITHIN_MS);
    expect(change.version).toBe(v('two'));
  });

  it('reports a deletion', async () => {
    const t = await open();
    writeFileSync(t.abs('Doomed.md'), 'x');
    await t.store.rescan();
    rmSync(t.abs('Doomed.md'));
    await t.waitFor(external('removed', 'Doomed.md'), WITHIN_MS);
    expect(t.store.listNotes()).toEqual([]);
  });

  it('reports a rename as removed + added', async () => {
    const t = await open();
    writeFileSync(t.abs('Before.md'), 'x');
    await t.store.rescan();
    renameSync(t.abs('Before.md'), t.abs('After.md'));
    await t.waitFor(external('removed', 'Before.md'), WITHIN_MS);
    await t.waitFor(external('added', 'After.md'), WITHIN_MS);
  });

  it('sees notes in folders created after the vault was opened, and folders removed', async () => {
    const t = await open();
    mkdirSync(t.abs('Chem/Acids'), { recursive: true });
    writeFileSync(t.abs('Chem/Acids/HCl.md'), 'x');
    await t.waitFor(external('added', 'Chem/Acids/HCl.md'), WITHIN_MS);
    // A file added to the new folder later is seen too (the new folder is watched).
    writeFileSync(t.abs('Chem/Acids/H2SO4.md'), 'y');
    await t.waitFor(external('added', 'Chem/Acids/H2SO4.md'), WITHIN_MS);
    rmSync(t.abs('Chem'), { recursive: true });
    await t.waitFor(external('removed', 'Chem/Acids/HCl.md'), WITHIN_MS);
    await t.waitFor(external('removed', 'Chem/Acids/H2SO4.md'), WITHIN_MS);
  });

  it('reports an editor-style atomic save (temp file renamed over the note) as one change, never the temp file', async () => {
    const t = await open();
    writeFileSync(t.abs('Atomic.md'), 'one');
    await t.store.rescan();
    await t.store.settled(100);
    t.changes.length = 0;
    writeFileSync(t.abs('.Atomic.md.swp'), 'junk');
    writeFileSync(t.abs('Atomic.md~'), 'backup');
    writeFileSync(t.abs('.#Atomic.md'), 'lock');
    writeFileSync(t.abs('.Atomic.md.tmp'), 'two');
    renameSync(t.abs('.Atomic.md.tmp'), t.abs('Atomic.md'));
    await t.waitFor(external('changed', 'Atomic.md'), WITHIN_MS);
    await t.store.settled(200);
    expect(t.changes.map((c) => c.path)).toEqual(['Atomic.md']);
  });
});

describe('the app’s own writes', () => {
  it('are announced at once as external: false and never again as external', async () => {
    const t = await vaults.open({ watch: { strategy: 'per-folder', pollIntervalMs: 100 } });
    const saved = await t.store.saveNote({ path: 'Mine.md', content: 'a', baseVersion: null });
    expect(t.changes).toEqual([expect.objectContaining({ kind: 'added', path: 'Mine.md', external: false })]);
    let base = saved.status === 'saved' ? saved.version : null;
    for (let i = 0; i < 20; i++) {
      const result = await t.store.saveNote({ path: 'Mine.md', content: `a${i}`, baseVersion: base });
      base = result.status === 'saved' ? result.version : null;
    }
    const created = await t.store.createNote({ title: 'Created', folder: 'Sub' });
    const renamed = await t.store.renameNote({ path: created.path, title: 'Renamed' });
    await t.store.deleteNote(renamed.path);
    writeFileSync(t.abs('Conflicted.md'), 'theirs');
    await t.store.saveNote({ path: 'Conflicted.md', content: 'mine', baseVersion: null });
    // Let file events and a couple of periodic rescans come and go.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await t.store.settled(200);
    const externals = t.changes.filter((c) => c.external);
    // Only the file written behind the app's back is external (writeFileSync creates, then
    // writes, so a rescan may catch it empty first: one or two events).
    expect(new Set(externals.map((c) => c.path))).toEqual(new Set(['Conflicted.md']));
    expect(externals.at(-1)?.version).toBe(v('theirs'));
    expect(t.changes.filter((c) => !c.external).map((c) => `${c.kind} ${c.path}`)).toEqual([
      'added Mine.md',
      ...Array.from({ length: 20 }, () => 'changed Mine.md'),
      'added Sub/Created.md',
      'removed Sub/Created.md',
      'added Sub/Renamed.md',
      'removed Sub/Renamed.md',
      expect.stringMatching(/^added Conflicted \(conflict .*\)\.md$/),
    ]);
  });

  it('an external edit racing the app’s saves of another note is still reported', async () => {
    const t = await vaults.open({ watch: { strategy: 'per-folder', pollIntervalMs: 0 } });
    writeFileSync(t.abs('Theirs.md'), 'one');
    await t.store.rescan();
    const saves = Array.from({ length: 10 }, (_, i) =>
      t.store.saveNote({ path: `Mine ${i}.md`, content: 'x', baseVersion: null }),
    );
    writeFileSync(t.abs('Theirs.md'), 'two');
    await Promise.all(saves);
    await t.waitFor(external('changed', 'Theirs.md'), WITHIN_MS);
  });
});

describe('rescanning', () => {
  it('does not take the notes of a folder it cannot read as removed', async () => {
    const faults = faultyVaultFs();
    const t = await vaults.open({ fs: faults.fs });
    await t.store.saveNote({ path: 'Bio/Cells.md', content: 'x', baseVersion: null });
    faults.fail({ ops: ['readdir'], path: (p) => p.endsWith('/Bio'), code: 'EACCES' });
    await t.store.rescan();
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Bio/Cells.md']);
    expect(t.changes.filter((c) => c.kind === 'removed')).toEqual([]);
  });

  it('still reports other changes when one file cannot be read', async () => {
    const faults = faultyVaultFs();
    const t = await vaults.open({ fs: faults.fs });
    faults.fail({ ops: ['readFile'], path: 'Locked.md', code: 'EACCES' });
    writeFileSync(t.abs('Locked.md'), 'x');
    writeFileSync(t.abs('Open.md'), 'y');
    await t.store.rescan();
    expect(t.store.listNotes().map((n) => n.path)).toEqual(['Open.md']);
  });

  it('refuses to open a vault whose folder cannot be read, saying why', async () => {
    const faults = faultyVaultFs();
    const { vaultPath, stateDir } = vaults.folders();
    faults.fail({ ops: ['readdir'], path: (p) => p.endsWith('/vault'), code: 'EACCES' });
    await expect(vaults.open({ vaultPath, stateDir, fs: faults.fs })).rejects.toThrow(
      /^Could not read the vault .*: permission denied/,
    );
  });

  it('reports every note removed when the vault folder itself disappears', async () => {
    const t = await vaults.open();
    await t.store.saveNote({ path: 'A.md', content: 'x', baseVersion: null });
    rmSync(t.vaultPath, { recursive: true });
    await t.store.rescan();
    expect(t.store.listNotes()).toEqual([]);
    expect(t.changes.at(-1)).toEqual({ kind: 'removed', path: 'A.md', external: true });
  });
});

describe('watching', () => {
  it('does not watch hidden folders, node_modules, or folders behind symbolic links', async () => {
    const outside = vaults.dirs.make('outside-');
    const { vaultPath, stateDir } = vaults.folders();
    mkdirSync(join(vaultPath, '.obsidian'));
    mkdirSync(join(vaultPath, 'node_modules', 'pkg'), { recursive: true });
    mkdirSync(join(vaultPath, 'Bio', 'Cells'), { recursive: true });
    symlinkSync(outside, join(vaultPath, 'Linked'));
    const t = await vaults.open({ vaultPath, stateDir, watch: { strategy: 'per-folder', pollIntervalMs: 0 } });
    expect(t.store.watching.folders).toEqual(['', 'Bio', 'Bio/Cells']);
    writeFileSync(join(outside, 'Outside.md'), 'x');
    writeFileSync(join(vaultPath, '.obsidian', 'workspace.md'), 'x');
    writeFileSync(join(vaultPath, 'node_modules', 'pkg', 'README.md'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.store.settled(100);
    await t.store.rescan();
    expect(t.changes).toEqual([]);
    expect(t.store.listNotes()).toEqual([]);
  });

  it('measures the delay from an external write to its event', async () => {
    const t = await vaults.open({ watch: { strategy: 'per-folder', pollIntervalMs: 0 } });
    const delays: number[] = [];
    for (let i = 0; i < 10; i++) {
      const path = `Timed ${i}.md`;
      const started = performance.now();
      writeFileSync(t.abs(path), 'x');
      await t.waitFor(external('added', path), WITHIN_MS);
      delays.push(performance.now() - started);
    }
    delays.sort((a, b) => a - b);
    // A debounce of 40 ms plus a read: far below the one-second promise.
    expect(delays[delays.length - 1]).toBeLessThan(500);
  });
});
