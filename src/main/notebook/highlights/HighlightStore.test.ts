import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryText } from '@shared/annotations/entryText';
import { parseHighlightFile } from '@shared/annotations/highlightFile';
import type { NotebookEvents } from '@shared/api/NotebookApi';
import { openTestNotebook } from '../../testing/contractSuite';
import { SHIPPED_GLOSSARY, tempDirs } from '../../testing/tempDirs';
import { openNotebook, type NotebookService } from '../openNotebook';
import { importMarkdownPack, type TestEntry } from './testing/markdownPack';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

const GABA: TestEntry = {
  title: 'GABA',
  definition: 'GABA (gamma-aminobutyric acid) is the chief inhibitory neurotransmitter of the mature brain.',
  sections: [
    {
      heading: 'Mechanism',
      text: 'It reduces neuronal excitability by binding to GABA-A and GABA-B receptors.',
    },
  ],
};

async function open(vault = dirs.make('vault-'), state = dirs.make('state-')) {
  const service = await openTestNotebook(vault, state, { watch: { pollIntervalMs: 0 } });
  services.push(service);
  const changed: string[][] = [];
  service.events.on('highlights-changed', ({ entryIds }: NotebookEvents['highlights-changed']) =>
    changed.push(entryIds),
  );
  return { service, vault, state, changed };
}

/** Offsets of `passage` in the entry's anchoring text. */
async function rangeOf(service: NotebookService, entryId: string, passage: string) {
  const text = entryText(await service.getEntry({ id: entryId })).text;
  const start = text.indexOf(passage);
  expect(start, passage).toBeGreaterThanOrEqual(0);
  return { start, end: start + passage.length };
}

function readVault(vault: string, path: string): string {
  return readFileSync(join(vault, path), 'utf8');
}

describe('HighlightStore on a real vault', () => {
  it('adds, lists, updates and deletes highlights in one Markdown file per entry, trashing it when empty', async () => {
    const { service, vault, changed } = await open();
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    expect(await service.getEntryHighlights({ entryId: gaba })).toEqual({
      entryId: gaba,
      path: null,
      highlights: [],
      problems: [],
    });

    const chief = await rangeOf(service, gaba, 'chief inhibitory neurotransmitter');
    const first = await service.addHighlight({ entryId: gaba, ...chief, note: '\r\nCompare with [[Glutamate]].\n\n' });
    expect(first).toMatchObject({
      colour: 'yellow',
      note: 'Compare with [[Glutamate]].',
      place: { ...chief, exact: true },
    });
    expect(first.id).toMatch(/^h-[0-9a-z]+$/);
    // Whitespace at the ends of a selection is left out.
    const receptors = await rangeOf(service, gaba, 'GABA-A and GABA-B receptors');
    const second = await service.addHighlight({
      entryId: gaba,
      start: receptors.start - 1,
      end: receptors.end,
      colour: 'green',
    });
    expect(second.place).toEqual({ ...receptors, exact: true });
    expect(second.selectors.quote.exact).toBe('GABA-A and GABA-B receptors');
    expect(second.id).not.toBe(first.id);

    const file = readVault(vault, 'Highlights/GABA highlights.md');
    const parsed = parseHighlightFile(file);
    expect('model' in parsed && parsed.model.entry).toMatchObject({ id: gaba, title: 'GABA' });
    expect(file).toContain('> chief inhibitory neurotransmitter\n\nCompare with [[Glutamate]].');

    // The highlight file is an ordinary note of the vault.
    expect((await service.listNotes()).map((n) => n.path)).toContain('Highlights/GABA highlights.md');
    expect(await service.listHighlightedEntries()).toEqual([
      { entryId: gaba, title: 'GABA', path: 'Highlights/GABA highlights.md', count: 2, entryExists: true },
    ]);

    const updated = await service.updateHighlight({
      entryId: gaba,
      id: first.id,
      patch: { colour: 'pink', note: '' },
    });
    expect(updated.colour).toBe('pink');
    expect(updated.note).toBeUndefined();
    const got = await service.getEntryHighlights({ entryId: gaba });
    expect(got.path).toBe('Highlights/GABA highlights.md');
    expect(got.highlights.map((h) => [h.id, h.colour, h.place?.start])).toEqual([
      [first.id, 'pink', chief.start],
      [second.id, 'green', receptors.start],
    ]);

    await service.deleteHighlight({ entryId: gaba, id: first.id });
    expect(existsSync(join(vault, 'Highlights/GABA highlights.md'))).toBe(true);
    await service.deleteHighlight({ entryId: gaba, id: second.id });
    expect(existsSync(join(vault, 'Highlights/GABA highlights.md'))).toBe(false);
    expect(readdirSync(join(vault, '.trash', 'Highlights'))).toEqual(['GABA highlights.md']);
    expect(await service.listHighlightedEntries()).toEqual([]);
    expect((await service.getEntryHighlights({ entryId: gaba })).path).toBeNull();
    expect(changed.length).toBeGreaterThanOrEqual(5);
    expect(changed.every((ids) => ids.includes(gaba))).toBe(true);
  });

  it('keeps every one of many highlights made at once, each with its own id', async () => {
    const { service } = await open();
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    const made = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        service.addHighlight({ entryId: gaba, start: n, end: n + 10, note: `${n}` }),
      ),
    );
    expect(new Set(made.map((h) => h.id)).size).toBe(25);
    const got = await service.getEntryHighlights({ entryId: gaba });
    expect(got.highlights.map((h) => h.note)).toEqual(Array.from({ length: 25 }, (_, n) => `${n}`));
  });

  it('refuses empty, outside and whitespace-only passages, and unknown entries or highlights', async () => {
    const { service } = await open();
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    const text = entryText(await service.getEntry({ id: gaba })).text;
    const blank = text.indexOf('\n\n');
    await expect(service.addHighlight({ entryId: gaba, start: 3, end: 3 })).rejects.toMatchObject({
      code: 'invalid-arguments',
    });
    await expect(service.addHighlight({ entryId: gaba, start: 0, end: text.length + 1 })).rejects.toMatchObject({
      code: 'invalid-arguments',
    });
    await expect(service.addHighlight({ entryId: gaba, start: blank, end: blank + 2 })).rejects.toMatchObject({
      code: 'invalid-arguments',
      message: expect.stringMatching(/only spaces or line breaks/),
    });
    await expect(service.addHighlight({ entryId: 'nope', start: 0, end: 2 })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(service.getEntryHighlights({ entryId: 'nope' })).rejects.toMatchObject({ code: 'not-found' });
    await expect(service.deleteHighlight({ entryId: gaba, id: 'h-x' })).rejects.toMatchObject({ code: 'not-found' });
    await service.addHighlight({ entryId: gaba, start: 0, end: 4 });
    await expect(
      service.updateHighlight({ entryId: gaba, id: 'h-x', patch: { colour: 'blue' } }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('names files after the entry, telling apart entries that share a title and leaving other notes alone', async () => {
    const { service, vault } = await open();
    mkdirSync(join(vault, 'Highlights'));
    // A note of the person's own that happens to be there: never overwritten, never read as highlights.
    writeFileSync(join(vault, 'Highlights', 'Cell highlights.md'), 'My own note about cells.\n');
    const a = await importMarkdownPack(service, 'Bio', [
      { title: 'Cell', definition: 'The smallest unit of life.' },
      { title: 'GABA', definition: 'An inhibitory neurotransmitter.' },
    ]);
    const b = await importMarkdownPack(service, 'Neuro', [{ title: 'GABA', definition: 'Gamma-aminobutyric acid.' }]);
    const c = await importMarkdownPack(service, 'Neuro', [{ title: 'GABA', definition: 'Another GABA entry.' }]);
    for (const id of [a.ids.get('Cell')!, a.ids.get('GABA')!, b.ids.get('GABA')!, c.ids.get('GABA')!]) {
      await service.addHighlight({ entryId: id, start: 0, end: 5 });
    }
    expect(readdirSync(join(vault, 'Highlights')).sort()).toEqual([
      'Cell (Bio) highlights.md',
      'Cell highlights.md',
      'GABA (Neuro) highlights 2.md',
      'GABA (Neuro) highlights.md',
      'GABA highlights.md',
    ]);
    expect(readVault(vault, 'Highlights/Cell highlights.md')).toBe('My own note about cells.\n');
    const listed = await service.listHighlightedEntries();
    expect(listed.map((e) => e.path).sort()).toEqual([
      'Highlights/Cell (Bio) highlights.md',
      'Highlights/GABA (Neuro) highlights 2.md',
      'Highlights/GABA (Neuro) highlights.md',
      'Highlights/GABA highlights.md',
    ]);
    // A link to an entry still leads to the entry, not to the file of its highlights.
    await vi.waitFor(async () =>
      expect(await service.resolveLinks({ targets: ['Cell', 'GABA highlights'] })).toEqual([
        expect.objectContaining({ ref: { kind: 'entry', id: a.ids.get('Cell') } }),
        expect.objectContaining({ ref: { kind: 'note', path: 'Highlights/GABA highlights.md' } }),
      ]),
    );
  });

  it('reads the files back when the vault is opened again, finding them by entry id whatever their name', async () => {
    const first = await open();
    const { ids } = await importMarkdownPack(first.service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    const added = await first.service.addHighlight({ entryId: gaba, start: 0, end: 4, note: 'First word.' });
    await first.service.close();
    services.splice(services.indexOf(first.service), 1);
    // A person renamed the file.
    const { renameSync } = await import('node:fs');
    renameSync(join(first.vault, 'Highlights/GABA highlights.md'), join(first.vault, 'Highlights/My GABA marks.md'));
    const again = await open(first.vault, first.state);
    const got = await again.service.getEntryHighlights({ entryId: gaba });
    expect(got.path).toBe('Highlights/My GABA marks.md');
    expect(got.highlights).toEqual([{ ...added, place: { start: 0, end: 4, exact: true } }]);
  });

  it('picks up an outside edit of a file, and never overwrites one it has not seen yet', async () => {
    const { service, vault, changed } = await open();
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    const chief = await rangeOf(service, gaba, 'chief inhibitory neurotransmitter');
    const h = await service.addHighlight({ entryId: gaba, ...chief, note: 'Old note.' });
    const path = join(vault, 'Highlights/GABA highlights.md');

    // Edited in another program: the vault notices, the highlights follow and are announced.
    changed.length = 0;
    writeFileSync(path, readFileSync(path, 'utf8').replace('Old note.', 'Edited by hand.'));
    await (await service.vault()).rescan();
    await vi.waitFor(async () => {
      const got = await service.getEntryHighlights({ entryId: gaba });
      expect(got.highlights[0]?.note).toBe('Edited by hand.');
    });
    await vi.waitFor(() => expect(changed).toContainEqual([gaba]));

    // Edited again, and the app writes before the watcher reported it: the edit is kept.
    writeFileSync(path, readFileSync(path, 'utf8').replace('Edited by hand.', 'Edited twice, unseen.'));
    await service.addHighlight({ entryId: gaba, start: 0, end: 4 });
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('Edited twice, unseen.');
    const got = await service.getEntryHighlights({ entryId: gaba });
    expect(got.highlights.map((x) => x.id)).toEqual([got.highlights[0]!.id, h.id]);
    expect(got.highlights[1]!.note).toBe('Edited twice, unseen.');
  });

  it('follows a file deleted or copied by hand: a copy of one entry’s file is reported, and used once the first is gone', async () => {
    const { service, vault, changed } = await open();
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    const h = await service.addHighlight({ entryId: gaba, start: 0, end: 4 });
    const path = join(vault, 'Highlights/GABA highlights.md');

    copyFileSync(path, join(vault, 'Highlights/GABA highlights (conflicted copy).md'));
    await (await service.vault()).rescan();
    await vi.waitFor(async () =>
      expect((await service.getEntryHighlights({ entryId: gaba })).problems).toEqual([
        expect.stringMatching(/conflicted copy\).md: this file also holds highlights of this entry/),
      ]),
    );
    expect((await service.getEntryHighlights({ entryId: gaba })).highlights.map((x) => x.id)).toEqual([h.id]);

    // The original deleted: the copy is used.
    changed.length = 0;
    rmSync(path);
    await (await service.vault()).rescan();
    await vi.waitFor(() => expect(changed).toContainEqual([gaba]));
    const got = await service.getEntryHighlights({ entryId: gaba });
    expect(got).toMatchObject({ path: 'Highlights/GABA highlights (conflicted copy).md', problems: [] });
    expect(got.highlights.map((x) => x.id)).toEqual([h.id]);

    changed.length = 0;
    rmSync(join(vault, got.path!));
    await (await service.vault()).rescan();
    await vi.waitFor(() => expect(changed).toContainEqual([gaba]));
    expect(await service.listHighlightedEntries()).toEqual([]);
  });

  it('keeps a block it cannot read as written, reports it, and never writes a file whose front matter broke', async () => {
    const { service, vault, state } = await open();
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    await service.addHighlight({ entryId: gaba, start: 0, end: 4 });
    const path = join(vault, 'Highlights/GABA highlights.md');
    const broken = '%% highlight\nid: "h-broken"\ncolour: [unclosed\n%%\n> GABA\n\nA note kept as typed.';
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n${broken}\n`);
    await service.addHighlight({ entryId: gaba, start: 5, end: 10 });
    expect(readFileSync(path, 'utf8')).toContain(broken);
    const got = await service.getEntryHighlights({ entryId: gaba });
    expect(got.highlights).toHaveLength(2);
    expect(got.problems).toEqual([expect.stringMatching(/highlight not read, kept as it is/)]);

    const whole = readFileSync(path, 'utf8');
    writeFileSync(path, whole.replace('---\n', '---\nentry: [broken\n'));
    const ruined = readFileSync(path, 'utf8');
    await expect(service.addHighlight({ entryId: gaba, start: 0, end: 2 })).rejects.toMatchObject({
      code: 'read-only',
    });
    expect(readFileSync(path, 'utf8')).toBe(ruined);
    const shown = await service.getEntryHighlights({ entryId: gaba });
    expect(shown.highlights).toHaveLength(2);
    expect(shown.problems[0]).toMatch(/not written until it is repaired/);

    // Opened again with the file still broken: reported under its entry, and no second file is made.
    await service.close();
    services.splice(services.indexOf(service), 1);
    const again = await open(vault, state);
    const reopened = await again.service.getEntryHighlights({ entryId: gaba });
    expect(reopened).toMatchObject({ path: 'Highlights/GABA highlights.md', highlights: [] });
    expect(reopened.problems[0]).toMatch(/not valid YAML/);
    await expect(again.service.addHighlight({ entryId: gaba, start: 0, end: 2 })).rejects.toMatchObject({
      code: 'read-only',
    });
    expect(readdirSync(join(vault, 'Highlights'))).toEqual(['GABA highlights.md']);
    expect(readFileSync(path, 'utf8')).toBe(ruined);
  });

  it('follows the open vault: another vault has its own highlights and folder', async () => {
    const other = dirs.make('vault-other-');
    mkdirSync(join(other, '.study-notebook'));
    writeFileSync(join(other, '.study-notebook', 'highlights.json'), '{ "folder": "Reading/Marks" }');
    const service = await openNotebook(
      {
        vaultPath: dirs.make('vault-'),
        glossaryDir: SHIPPED_GLOSSARY,
        stateDir: dirs.make('state-'),
        host: 'web',
        appVersion: '0.0.0-test',
        allowedVaults: [other],
      },
      { watch: { pollIntervalMs: 0 } },
    );
    services.push(service);
    const { ids } = await importMarkdownPack(service, 'Neuro', [GABA]);
    const gaba = ids.get('GABA')!;
    await service.addHighlight({ entryId: gaba, start: 0, end: 4 });
    await service.openVault({ path: other });
    expect(await service.getHighlightsFolder()).toEqual({ folder: 'Reading/Marks' });
    expect(await service.listHighlightedEntries()).toEqual([]);
    await service.addHighlight({ entryId: gaba, start: 5, end: 10 });
    expect(readdirSync(join(other, 'Reading', 'Marks'))).toEqual(['GABA highlights.md']);
    expect((await service.getEntryHighlights({ entryId: gaba })).highlights).toHaveLength(1);
  });

  it('moves the files when the folder is renamed, keeps the choice in the vault, and refuses a folder in use', async () => {
    const first = await open();
    const { service, vault, state } = first;
    const { ids } = await importMarkdownPack(service, 'Neuro', [
      GABA,
      { title: 'Glutamate', definition: 'Excitatory.' },
    ]);
    await service.addHighlight({ entryId: ids.get('GABA')!, start: 0, end: 4 });
    await service.addHighlight({ entryId: ids.get('Glutamate')!, start: 0, end: 4 });
    expect(await service.getHighlightsFolder()).toEqual({ folder: 'Highlights' });

    mkdirSync(join(vault, 'Taken'));
    writeFileSync(join(vault, 'Taken', 'Other.md'), 'x');
    await expect(service.setHighlightsFolder({ folder: 'Taken' })).rejects.toMatchObject({ code: 'already-exists' });
    await expect(service.setHighlightsFolder({ folder: '' })).rejects.toMatchObject({ code: 'invalid-arguments' });

    expect(await service.setHighlightsFolder({ folder: 'Study/Marks' })).toEqual({ folder: 'Study/Marks', moved: 2 });
    expect(readdirSync(join(vault, 'Study', 'Marks')).sort()).toEqual([
      'GABA highlights.md',
      'Glutamate highlights.md',
    ]);
    expect(existsSync(join(vault, 'Highlights'))).toBe(false);
    expect(JSON.parse(readVault(vault, '.study-notebook/highlights.json'))).toEqual({ folder: 'Study/Marks' });
    expect((await service.getEntryHighlights({ entryId: ids.get('GABA')! })).path).toBe(
      'Study/Marks/GABA highlights.md',
    );
    await service.addHighlight({ entryId: ids.get('GABA')!, start: 5, end: 10 });
    expect((await service.listHighlightedEntries()).map((e) => e.path)).toEqual([
      'Study/Marks/GABA highlights.md',
      'Study/Marks/Glutamate highlights.md',
    ]);

    await service.close();
    services.splice(services.indexOf(service), 1);
    const again = await open(vault, state);
    expect(await again.service.getHighlightsFolder()).toEqual({ folder: 'Study/Marks' });
    expect((await again.service.getEntryHighlights({ entryId: ids.get('GABA')! })).highlights).toHaveLength(2);
  });
});
