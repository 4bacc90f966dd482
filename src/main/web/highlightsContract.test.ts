import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/api/envelope';
import { entryText } from '@shared/annotations/entryText';
import type { GlossaryEntry } from '@shared/domain/glossary';
import type { EntryHighlights, HighlightedEntrySummary, PlacedHighlight } from '@shared/domain/highlights';
import { importMarkdownPack } from '../notebook/highlights/testing/markdownPack';
import { contractSuite, openTestNotebook } from '../testing/contractSuite';
import { valueOf } from '../testing/contractTargets';
import { tempDirs } from '../testing/tempDirs';

/**
 * The highlight methods of the contract (issue #17) over the in-process dispatcher and the
 * HTTP host: each method end to end on a real vault, and the arguments each one refuses.
 */
const dirs = tempDirs();
let vaultPath = '';
let entryId = '';
const suite = contractSuite(async () => {
  vaultPath = dirs.make();
  const service = await openTestNotebook(vaultPath, dirs.make(), { watch: { pollIntervalMs: 0 } });
  const { ids } = await importMarkdownPack(service, 'Neuro', [
    {
      title: 'GABA',
      definition: 'GABA is the chief inhibitory neurotransmitter of the mature brain.',
      sections: [{ heading: 'Mechanism', text: 'It binds to GABA-A and GABA-B receptors.' }],
    },
  ]);
  entryId = ids.get('GABA')!;
  return {
    service,
    close: async () => {
      await service.close();
      dirs.cleanup();
    },
  };
});

function error(envelope: Envelope) {
  expect(envelope.ok).toBe(false);
  return (envelope as Extract<Envelope, { ok: false }>).error;
}

describe.each(suite.targets)('the highlight methods over the $name', (target) => {
  it('highlights a passage, lists, updates and deletes it, in a file of the vault', async () => {
    const entry = valueOf<GlossaryEntry>(await target.call('getEntry', { id: entryId }));
    const text = entryText(entry).text;
    const start = text.indexOf('chief inhibitory');
    const changed: string[][] = [];
    const off = suite.service.events.on('highlights-changed', ({ entryIds }) => changed.push(entryIds));
    const added = valueOf<PlacedHighlight>(
      await target.call('addHighlight', { entryId, start, end: start + 16, colour: 'blue', note: 'Why *chief*?' }),
    );
    expect(added).toMatchObject({
      colour: 'blue',
      note: 'Why *chief*?',
      place: { start, end: start + 16, exact: true },
    });
    expect(added.selectors.quote.exact).toBe('chief inhibitory');

    const got = valueOf<EntryHighlights>(await target.call('getEntryHighlights', { entryId }));
    expect(got).toEqual({ entryId, path: 'Highlights/GABA highlights.md', highlights: [added], problems: [] });
    expect(existsSync(join(vaultPath, got.path!))).toBe(true);
    expect(valueOf<HighlightedEntrySummary[]>(await target.call('listHighlightedEntries', {}))).toEqual([
      { entryId, title: 'GABA', path: got.path, count: 1, entryExists: true },
    ]);

    const updated = valueOf<PlacedHighlight>(
      await target.call('updateHighlight', { entryId, id: added.id, patch: { colour: 'purple', note: '' } }),
    );
    expect(updated).toMatchObject({ id: added.id, colour: 'purple', place: added.place });
    expect(updated).not.toHaveProperty('note');

    valueOf(await target.call('deleteHighlight', { entryId, id: added.id }));
    expect(valueOf<HighlightedEntrySummary[]>(await target.call('listHighlightedEntries', {}))).toEqual([]);
    off();
    expect(changed).toEqual([[entryId], [entryId], [entryId]]);
  });

  it('renames the highlights folder, and refuses a folder in use or not a folder of the vault', async () => {
    expect(valueOf(await target.call('getHighlightsFolder', {}))).toEqual({ folder: 'Highlights' });
    valueOf(await target.call('addHighlight', { entryId, start: 0, end: 4 }));
    expect(valueOf(await target.call('setHighlightsFolder', { folder: 'Marks' }))).toEqual({
      folder: 'Marks',
      moved: 1,
    });
    expect(valueOf(await target.call('getHighlightsFolder', {}))).toEqual({ folder: 'Marks' });
    expect(existsSync(join(vaultPath, 'Marks', 'GABA highlights.md'))).toBe(true);
    mkdirSync(join(vaultPath, 'Elsewhere'), { recursive: true });
    writeFileSync(join(vaultPath, 'Elsewhere', 'Busy.md'), 'A note of mine.');
    expect(error(await target.call('setHighlightsFolder', { folder: 'Elsewhere' })).code).toBe('already-exists');
    for (const folder of ['', '../out', '/abs', '.hidden', 'a//b', 'a\\b', 'con']) {
      expect(error(await target.call('setHighlightsFolder', { folder })).code, folder).toBe('invalid-arguments');
    }
    // Back as it was for the other target.
    valueOf(await target.call('setHighlightsFolder', { folder: 'Highlights' }));
    const { highlights } = valueOf<EntryHighlights>(await target.call('getEntryHighlights', { entryId }));
    for (const h of highlights) valueOf(await target.call('deleteHighlight', { entryId, id: h.id }));
  });

  it('refuses invalid arguments with the field named, and passages that are empty, outside or blank', async () => {
    const refused: Array<[string, unknown]> = [
      ['getEntryHighlights', {}],
      ['getEntryHighlights', { entryId: '' }],
      ['getEntryHighlights', { entryId: '../x' }],
      ['addHighlight', { entryId, start: -1, end: 3 }],
      ['addHighlight', { entryId, start: 0.5, end: 3 }],
      ['addHighlight', { entryId, start: '0', end: 3 }],
      ['addHighlight', { entryId, start: 0 }],
      ['addHighlight', { entryId, start: 0, end: 3, colour: 'red' }],
      ['addHighlight', { entryId, start: 0, end: 3, note: 'x'.repeat(100_001) }],
      ['addHighlight', { entryId, start: 0, end: 3, extra: true }],
      ['addHighlight', { entryId, start: 3, end: 3 }],
      ['addHighlight', { entryId, start: 0, end: 1e7 }],
      ['updateHighlight', { entryId, id: 'h 1', patch: {} }],
      ['updateHighlight', { entryId, id: 'h-1', patch: { colour: 'red' } }],
      ['updateHighlight', { entryId, id: 'h-1', patch: { place: { start: 0 } } }],
      ['updateHighlight', { entryId, id: 'h-1' }],
      ['deleteHighlight', { entryId, id: '' }],
      ['deleteHighlight', { entryId, id: 'x'.repeat(65) }],
      ['listHighlightedEntries', { entryId }],
      ['getHighlightsFolder', { folder: 'x' }],
      ['setHighlightsFolder', {}],
      ['setHighlightsFolder', { folder: 3 }],
    ];
    for (const [method, args] of refused) {
      expect(error(await target.call(method, args)).code, `${method} ${JSON.stringify(args).slice(0, 80)}`).toBe(
        'invalid-arguments',
      );
    }
    const text = entryText(valueOf<GlossaryEntry>(await target.call('getEntry', { id: entryId }))).text;
    const gap = text.indexOf('\n\n');
    expect(error(await target.call('addHighlight', { entryId, start: gap, end: gap + 2 })).message).toMatch(
      /only spaces or line breaks/,
    );
    expect(error(await target.call('addHighlight', { entryId: 'nope', start: 0, end: 2 })).code).toBe('not-found');
    expect(error(await target.call('getEntryHighlights', { entryId: 'nope' })).code).toBe('not-found');
    expect(error(await target.call('deleteHighlight', { entryId, id: 'h-none' })).code).toBe('not-found');
    expect(error(await target.call('updateHighlight', { entryId, id: 'h-none', patch: {} })).code).toBe('not-found');
    expect(valueOf<HighlightedEntrySummary[]>(await target.call('listHighlightedEntries', {}))).toEqual([]);
  });
});
