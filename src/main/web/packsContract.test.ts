import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '@shared/api/envelope';
import type { EntryRows, EntrySummary } from '@shared/domain/glossary';
import type { ImportPreview, ImportProgress, ImportResult, PackSummary, PackUpdate } from '@shared/domain/packs';
import type { IndexStatus, SearchResults, SwitcherItem } from '@shared/domain/search';
import { contractSuite, openTestNotebook } from '../testing/contractSuite';
import { type ContractTarget, valueOf } from '../testing/contractTargets';
import { tempDirs } from '../testing/tempDirs';

/**
 * The reference-pack methods of the contract (upload, preview, import with progress,
 * list, rename, hide/show, remove), over the in-process dispatcher and the HTTP host.
 */
const dirs = tempDirs();
let stateDir = '';
const suite = contractSuite(async () => {
  stateDir = dirs.make();
  const service = await openTestNotebook(dirs.make(), stateDir);
  return {
    service,
    close: async () => {
      await service.close();
      dirs.cleanup();
    },
  };
});

const FIXTURES = join(import.meta.dirname, '..', 'notebook', 'packs', 'fixtures');

async function upload(target: ContractTarget, name: string, files: Record<string, Buffer>, kind = 'file') {
  const { uploadId } = valueOf<{ uploadId: string }>(await target.call('startPackUpload', { name, kind }));
  for (const [path, bytes] of Object.entries(files)) {
    // Two chunks each, as the page sends large files.
    const half = Math.floor(bytes.length / 2);
    for (const part of [bytes.subarray(0, half), bytes.subarray(half)]) {
      valueOf(await target.call('appendPackUpload', { uploadId, path, data: part.toString('base64') }));
    }
  }
  return uploadId;
}

/**
 * Searches once the index is ready: an import, a hide or a show restarts the indexes over the
 * new entries, and until they hold them the answer says 'building' (the UI shows "Indexing…").
 */
async function searchWhenReady(target: ContractTarget, query: string): Promise<SearchResults> {
  await vi.waitFor(
    async () => {
      expect(valueOf<IndexStatus>(await target.call('getIndexStatus', {})).state).toBe('ready');
    },
    { timeout: 20_000, interval: 20 },
  );
  const results = valueOf<SearchResults>(await target.call('search', { query, scope: 'glossary' }));
  expect(results.status.state).toBe('ready');
  return results;
}

function error(envelope: Envelope) {
  expect(envelope.ok).toBe(false);
  return (envelope as Extract<Envelope, { ok: false }>).error;
}

describe.each(suite.targets)('the pack methods over the $name', (target) => {
  it('previews an upload before writing anything, imports it with progress, and makes its entries findable', async () => {
    const packsBefore = valueOf<PackSummary[]>(await target.call('listPacks', {}));
    expect(packsBefore.map((p) => p.id)).toEqual(['builtin']);
    const uploadId = await upload(target, 'glossary-quoted.csv', {
      'glossary-quoted.csv': readFileSync(join(FIXTURES, 'glossary-quoted.csv')),
    });

    const preview = valueOf<ImportPreview>(await target.call('previewPackImport', { uploadId }));
    expect(preview).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      separator: ',',
      entryCount: 3,
      problemCount: 3,
      suggestedName: 'glossary-quoted',
    });
    expect(preview.entries.map((e) => e.title)).toEqual(['Synapse', 'Action potential', 'Myelin']);
    expect(preview.problems[0]).toEqual({ line: 7, reason: 'no term' });
    expect(readdirSync(join(stateDir, 'packs')).filter((name) => !name.startsWith('.'))).toEqual(['builtin']);

    const progress: ImportProgress[] = [];
    const off = suite.service.events.on('pack-import-progress', (event) => progress.push(event));
    const changed: number[] = [];
    const offChanged = suite.service.events.on('glossary-changed', ({ count }) => changed.push(count));
    const result = valueOf<ImportResult>(
      await target.call('importPack', { uploadId, name: `Neuro ${target.name}`, options: { format: 'csv' } }),
    );
    off();
    offChanged();
    expect(result.pack).toMatchObject({ entryCount: 3, skippedCount: 3, source: { name: 'glossary-quoted.csv' } });
    expect(progress.map((p) => p.phase)).toContain('writing');
    expect(progress.at(-1)).toEqual({ uploadId, phase: 'loading', done: 1, total: 1 });
    expect(changed).toEqual([8]);

    const entries = valueOf<EntrySummary[]>(await target.call('listEntries', {}));
    const synapse = entries.find((e) => e.title === 'Synapse');
    expect(synapse).toMatchObject({ id: `${result.pack.id}--synapse`, packId: result.pack.id });
    const hits = await searchWhenReady(target, 'junction');
    expect(hits.hits.map((h) => h.title)).toContain('Synapse');
    expect(valueOf(await target.call('resolveLinks', { targets: ['synaptic cleft'] }))).toEqual([
      expect.objectContaining({ ref: { kind: 'entry', id: synapse!.id } }),
    ]);
    // The upload is gone once imported.
    expect(error(await target.call('previewPackImport', { uploadId })).code).toBe('not-found');

    // Rename, hide (entries leave lists and search), show, remove.
    const id = result.pack.id;
    const renamed: number[] = [];
    const offRenamed = suite.service.events.on('glossary-changed', ({ count }) => renamed.push(count));
    expect(valueOf<PackSummary>(await target.call('updatePack', { id, name: 'Renamed' })).name).toBe('Renamed');
    offRenamed();
    expect(renamed).toEqual([8]);
    expect(valueOf<PackSummary>(await target.call('updatePack', { id, hidden: true })).hidden).toBe(true);
    expect(valueOf<EntrySummary[]>(await target.call('listEntries', {})).some((e) => e.packId === id)).toBe(false);
    // The glossary list's window: a hidden pack lists nothing, and its entries leave the filter's matches.
    expect(
      valueOf<EntryRows>(await target.call('listEntryRows', { filter: '', packId: id, offset: 0, limit: 10 })),
    ).toEqual({ total: 0, all: 0, rows: [] });
    expect(
      valueOf<EntryRows>(await target.call('listEntryRows', { filter: 'synapse', offset: 0, limit: 10 })).rows,
    ).toEqual([]);
    for (const bad of [
      { filter: '', offset: -1, limit: 10 },
      { filter: '', offset: 0, limit: 501 },
      { offset: 0, limit: 1 },
    ])
      expect(error(await target.call('listEntryRows', bad)).code).toBe('invalid-arguments');
    const hidden = await searchWhenReady(target, 'junction');
    expect(hidden.hits.map((h) => h.title)).not.toContain('Synapse');
    valueOf(await target.call('updatePack', { id, hidden: false }));
    expect(
      valueOf<EntryRows>(await target.call('listEntryRows', { filter: 'SYNAPSE', packId: id, offset: 0, limit: 10 })),
    ).toMatchObject({ total: 1, all: 3, rows: [{ id: synapse!.id, title: 'Synapse', packId: id }] });
    expect(valueOf<EntrySummary[]>(await target.call('getEntry', { id: synapse!.id }))).toMatchObject({
      title: 'Synapse',
    });
    valueOf(await target.call('removePack', { id }));
    expect(valueOf<PackSummary[]>(await target.call('listPacks', {})).map((p) => p.id)).toEqual(['builtin']);
    expect(error(await target.call('getEntry', { id: synapse!.id })).code).toBe('not-found');
  });

  it('tells entries sharing a title apart by pack and first words, in the list, the switcher and search', async () => {
    const name = `Shores ${target.name}`;
    const uploadId = await upload(target, 's.tsv', {
      's.tsv': Buffer.from(
        'Bank\tThe land alongside a river.\nbank\tA place that keeps money.\nDelta\tA river mouth.\n',
      ),
    });
    const { pack } = valueOf<ImportResult>(await target.call('importPack', { uploadId, name }));
    // Removed even when a check fails, so the next tests see the glossary alone.
    try {
      const rows = valueOf<EntryRows>(
        await target.call('listEntryRows', { filter: '', packId: pack.id, offset: 0, limit: 10 }),
      ).rows;
      expect(rows.map((row) => [row.title, row.hint])).toEqual([
        ['Bank', 'The land alongside a river.'],
        ['bank', 'A place that keeps money.'],
        ['Delta', undefined],
      ]);
      const found = await searchWhenReady(target, 'money');
      expect(found.hits.find((hit) => hit.title === 'bank')?.folder).toBe(`${name} · A place that keeps money.`);
      const switched = valueOf<SwitcherItem[]>(await target.call('quickSwitch', { query: 'bank' }));
      expect(
        switched
          .filter((item) => item.kind === 'entry')
          .map((item) => item.folder)
          .sort(),
      ).toEqual([`${name} · A place that keeps money.`, `${name} · The land alongside a river.`]);
      expect(switched.find((item) => item.title === 'Delta')).toBeUndefined();
    } finally {
      valueOf(await target.call('removePack', { id: pack.id }));
    }
  });

  it('renames a pack and, when asked, the links naming it, byte for byte elsewhere', async () => {
    const old = `Words ${target.name}`;
    const uploadId = await upload(target, 'w.tsv', {
      'w.tsv': Buffer.from('Bank\tA river side.\nDelta\tA river mouth.\n'),
    });
    const { pack } = valueOf<ImportResult>(await target.call('importPack', { uploadId, name: old }));
    const save = async (title: string, folder: string | undefined, content: string) =>
      valueOf<{ path: string }>(await target.call('createNote', { title, ...(folder ? { folder } : {}), content }));
    const mixedCase = old.toUpperCase().replace(' ', '  ');
    const body = [
      '---',
      `see: "[[${old}/Bank]]"`,
      '---',
      `[[${old}/Bank]], ![[${mixedCase}\\Bank#Mouth|the bank]], [[${old}/bank#^block]], [[Bank]].`,
      `| [[${old}/Bank\\|a bank]] | x |`,
      '| - | - |',
      `[md](${encodeURIComponent(old)}/Bank.md) and [[${old}/Nothing]] and [[${old}/Folder note]] and [[${old}/Delta]].`,
      '',
    ].join('\n');
    const linking = await save(`Linking ${target.name}`, undefined, body);
    // A note at `Pack name/Title.md` beats the entry: that link is the note's, not the pack's.
    await save('Folder note', old, 'A note in a folder named like the pack.\n');
    await save('Delta', old, 'A note titled like an entry of the pack: it wins.\n');
    expect(valueOf(await target.call('countLinksToPack', { id: pack.id }))).toEqual({ links: 6, notes: 1 });

    const renamed = valueOf<PackUpdate>(
      await target.call('updatePack', { id: pack.id, name: `Lexicon ${target.name}`, updateLinks: true }),
    );
    const now = `Lexicon ${target.name}`;
    expect(renamed).toMatchObject({
      name: now,
      linkUpdates: { updated: [{ path: linking.path, links: 6 }], failed: [] },
    });
    const after = valueOf<{ content: string }>(await target.call('readNote', { path: linking.path })).content;
    expect(after).toBe(
      body
        .replace(`see: "[[${old}/Bank]]"`, `see: "[[${now}/Bank]]"`)
        .replace(`[[${old}/Bank]], `, `[[${now}/Bank]], `)
        .replace(`![[${mixedCase}\\Bank`, `![[${now}\\Bank`)
        .replace(`[[${old}/bank#^block]]`, `[[${now}/bank#^block]]`)
        .replace(`[[${old}/Bank\\|a bank]]`, `[[${now}/Bank\\|a bank]]`)
        .replace(`(${encodeURIComponent(old)}/Bank.md)`, `(${encodeURIComponent(now)}/Bank.md)`),
    );
    expect(after).toContain(`[[${old}/Nothing]] and [[${old}/Folder note]] and [[${old}/Delta]].`);
    expect(valueOf(await target.call('resolveLinks', { targets: [`${now}/Bank`], from: linking.path }))).toEqual([
      expect.objectContaining({ ref: { kind: 'entry', id: `${pack.id}--bank` } }),
    ]);

    // Hidden packs too; and saying no renames the pack and leaves every link.
    valueOf(await target.call('updatePack', { id: pack.id, hidden: true }));
    expect(valueOf(await target.call('countLinksToPack', { id: pack.id }))).toEqual({ links: 6, notes: 1 });
    const kept = valueOf<PackUpdate>(await target.call('updatePack', { id: pack.id, name: 'Kept' }));
    expect(kept).toMatchObject({ name: 'Kept', linkUpdates: null });
    expect(valueOf<{ content: string }>(await target.call('readNote', { path: linking.path })).content).toBe(after);
    const hidden = valueOf<PackUpdate>(
      await target.call('updatePack', { id: pack.id, name: `Hidden ${target.name}`, updateLinks: false }),
    );
    expect(hidden.linkUpdates).toBeNull();
    valueOf(await target.call('updatePack', { id: pack.id, name: now }));
    valueOf(await target.call('updatePack', { id: pack.id, name: `Shelf ${target.name}`, updateLinks: true }));
    expect(valueOf<{ content: string }>(await target.call('readNote', { path: linking.path })).content).toContain(
      `[[Shelf ${target.name}/Bank]], `,
    );
    valueOf(await target.call('removePack', { id: pack.id }));
  });

  it('re-imports an updated folder, keeping the ids of unchanged terms', async () => {
    const files = (extra: string) => ({
      'Cells.md': readFileSync(join(FIXTURES, 'markdown-notes', 'Cells.md')),
      'Biology/Axon.md': Buffer.from(`# Axon\n\nA long projection${extra}.\n`),
    });
    const first = valueOf<ImportResult>(
      await target.call('importPack', { uploadId: await upload(target, 'notes', files(''), 'folder') }),
    );
    const before = valueOf<EntrySummary[]>(await target.call('listEntries', {})).filter(
      (e) => e.packId === first.pack.id,
    );
    const again = valueOf<ImportResult>(
      await target.call('importPack', {
        uploadId: await upload(target, 'notes', files(' of a neuron'), 'folder'),
        replace: first.pack.id,
      }),
    );
    expect(again.keptIds).toBe(2);
    const after = valueOf<EntrySummary[]>(await target.call('listEntries', {})).filter(
      (e) => e.packId === first.pack.id,
    );
    expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
    valueOf(await target.call('removePack', { id: first.pack.id }));
  });

  it('refuses a broken file with a clear message and writes nothing', async () => {
    const uploadId = await upload(target, 'broken-unclosed.csv', {
      'broken-unclosed.csv': readFileSync(join(FIXTURES, 'broken-unclosed.csv')),
    });
    const preview = error(await target.call('previewPackImport', { uploadId }));
    expect(preview).toEqual({
      code: 'invalid-arguments',
      message: expect.stringMatching(/^broken-unclosed\.csv, line 4: a quoted field opened here is never closed/),
    });
    expect(error(await target.call('importPack', { uploadId })).code).toBe('invalid-arguments');
    expect(valueOf<PackSummary[]>(await target.call('listPacks', {})).map((p) => p.id)).toEqual(['builtin']);
    expect(readdirSync(join(stateDir, 'packs'))).toEqual(['builtin']);
    valueOf(await target.call('discardPackUpload', { uploadId }));
  });

  it('never writes outside an upload, whatever path the page names', async () => {
    const { uploadId } = valueOf<{ uploadId: string }>(
      await target.call('startPackUpload', { name: 'notes', kind: 'folder' }),
    );
    for (const path of ['../escape.md', 'a/../../escape.md', '/etc/x.md', 'a\\..\\x.md', '', 'a//b.md', '.']) {
      const refused = await target.call('appendPackUpload', { uploadId, path, data: 'eA==' });
      expect(refused.ok, path).toBe(false);
    }
    expect(error(await target.call('startPackUpload', { name: '..', kind: 'file' })).code).toBe('invalid-arguments');
    const file = valueOf<{ uploadId: string }>(await target.call('startPackUpload', { name: 'a.csv', kind: 'file' }));
    expect(
      error(await target.call('appendPackUpload', { uploadId: file.uploadId, path: 'b.csv', data: '' })).code,
    ).toBe('invalid-arguments');
    expect(readdirSync(stateDir).sort()).toEqual(['pack-uploads', 'packs', 'settings.json', 'vaults']);
  });

  it('keeps the shipped glossary: it can be hidden and renamed, not removed or replaced', async () => {
    expect(error(await target.call('removePack', { id: 'builtin' }))).toEqual({
      code: 'invalid-arguments',
      message: '“Neurochemistry” ships with the app and cannot be removed; hide it instead.',
    });
    const uploadId = await upload(target, 'q.txt', { 'q.txt': Buffer.from('a\tb\n') });
    expect(error(await target.call('importPack', { uploadId, replace: 'builtin' })).message).toMatch(/updated with it/);
    expect(error(await target.call('updatePack', { id: 'nope' })).code).toBe('not-found');
  });
});
