import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../../e2e/fixtures/injectionPayloads';
import { entryText } from '@shared/annotations/entryText';
import type { PlacedHighlight } from '@shared/domain/highlights';
import { openTestNotebook } from '../../testing/contractSuite';
import { tempDirs } from '../../testing/tempDirs';
import type { NotebookService } from '../openNotebook';
import { importMarkdownPack, type TestEntry } from './testing/markdownPack';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

async function open(vault = dirs.make('vault-'), state = dirs.make('state-')) {
  const service = await openTestNotebook(vault, state, { watch: { pollIntervalMs: 0 } });
  services.push(service);
  return { service, vault, state };
}

async function close(service: NotebookService) {
  await service.close();
  services.splice(services.indexOf(service), 1);
}

async function highlightPassage(service: NotebookService, entryId: string, passage: string, note?: string) {
  const text = entryText(await service.getEntry({ id: entryId })).text;
  const start = text.indexOf(passage);
  expect(start, passage).toBeGreaterThanOrEqual(0);
  return service.addHighlight({ entryId, start, end: start + passage.length, note });
}

const MOVED = 'GABA-A receptors are ligand-gated chloride channels';
const REWORDED = 'binding to GABA-A and GABA-B receptors on the postsynaptic membrane';
const REWORDED_NOW = 'binding to GABA-A and GABA-B receptor sites on the postsynaptic membrane';
const DELETED = 'First isolated by Eugene Roberts in 1950 from mouse brain tissue';
const KEPT = 'the chief inhibitory neurotransmitter';

const VERSION_1: TestEntry[] = [
  {
    title: 'GABA',
    definition: `GABA (gamma-aminobutyric acid) is ${KEPT} of the mature mammalian brain.`,
    sections: [
      {
        heading: 'Mechanism',
        text: `It lowers neuronal excitability by ${REWORDED}. ${MOVED}, opened by GABA.`,
      },
      { heading: 'History', text: `${DELETED}. Its role as a transmitter was shown later.` },
    ],
  },
  { title: 'Glutamate', definition: 'The main excitatory neurotransmitter of the nervous system.' },
];

/** The same pack, edited: text inserted before, a passage reworded, one moved to another section, one deleted, an entry removed. */
const VERSION_2: TestEntry[] = [
  {
    title: 'GABA',
    definition:
      'A new opening sentence was added before everything else. ' +
      `GABA (gamma-aminobutyric acid) is ${KEPT} of the mature mammalian brain.`,
    sections: [
      { heading: 'Mechanism', text: `It lowers neuronal excitability by ${REWORDED_NOW}.` },
      { heading: 'Receptors', text: `Two families are known. ${MOVED}, opened by GABA.` },
      { heading: 'History', text: 'Its role as a transmitter was shown in the 1960s.' },
    ],
  },
];

describe('highlights across a pack re-import', () => {
  it('places moved and reworded passages again, orphans a deleted one, and keeps a removed entry’s as orphans', async () => {
    const { service, vault } = await open();
    const { packId, ids } = await importMarkdownPack(service, 'Neuro', VERSION_1);
    const gaba = ids.get('GABA')!;
    const glutamate = ids.get('Glutamate')!;
    const kept = await highlightPassage(service, gaba, KEPT, 'Kept.');
    const moved = await highlightPassage(service, gaba, MOVED, 'Moved.');
    const reworded = await highlightPassage(service, gaba, REWORDED, 'Reworded.');
    const deleted = await highlightPassage(service, gaba, DELETED, 'Deleted.');
    const gone = await highlightPassage(service, glutamate, 'main excitatory neurotransmitter', 'Entry removed.');
    const fileBefore = readFileSync(join(vault, 'Highlights/GABA highlights.md'), 'utf8');

    const again = await importMarkdownPack(service, 'Neuro', VERSION_2, packId);
    expect(again.ids.get('GABA')).toBe(gaba);
    expect(again.ids.has('Glutamate')).toBe(false);

    const text = entryText(await service.getEntry({ id: gaba })).text;
    const got = await service.getEntryHighlights({ entryId: gaba });
    const byId = new Map(got.highlights.map((h) => [h.id, h]));
    const at = (passage: string) => ({ start: text.indexOf(passage), end: text.indexOf(passage) + passage.length });
    expect(byId.get(kept.id)!.place).toEqual({ ...at(KEPT), exact: true });
    expect(byId.get(moved.id)!.place).toEqual({ ...at(MOVED), exact: true });
    const rewordedPlace = byId.get(reworded.id)!.place!;
    expect(rewordedPlace.exact).toBe(false);
    expect(text.slice(rewordedPlace.start, rewordedPlace.end)).toMatch(/^binding to GABA-A .* membrane$/);
    expect(byId.get(deleted.id)!.place).toBeNull();
    // Reading order, the orphan last; nothing dropped, nothing rewritten by reading.
    expect(got.highlights.map((h) => h.id)).toEqual([kept.id, reworded.id, moved.id, deleted.id]);
    expect(got.highlights.map((h) => h.note)).toEqual(['Kept.', 'Reworded.', 'Moved.', 'Deleted.']);
    expect(readFileSync(join(vault, 'Highlights/GABA highlights.md'), 'utf8')).toBe(fileBefore);

    // The removed entry: its highlights are listed, all orphaned, with its title from the file.
    const orphaned = await service.getEntryHighlights({ entryId: glutamate });
    expect(orphaned.highlights).toEqual([{ ...gone, place: null }]);
    expect(await service.listHighlightedEntries()).toEqual([
      expect.objectContaining({ entryId: gaba, title: 'GABA', count: 4, entryExists: true }),
      expect.objectContaining({ entryId: glutamate, title: 'Glutamate', count: 1, entryExists: false }),
    ]);

    // An orphan is attached again to a passage of the current text; the removed entry's can only be deleted.
    const history = at('Its role as a transmitter');
    const reattached = await service.updateHighlight({ entryId: gaba, id: deleted.id, patch: { place: history } });
    expect(reattached.place).toEqual({ ...history, exact: true });
    expect(reattached.note).toBe('Deleted.');
    await expect(
      service.updateHighlight({ entryId: glutamate, id: gone.id, patch: { place: { start: 0, end: 3 } } }),
    ).rejects.toMatchObject({ code: 'invalid-arguments' });
    await service.updateHighlight({ entryId: glutamate, id: gone.id, patch: { note: 'Still mine.' } });
    await service.deleteHighlight({ entryId: glutamate, id: gone.id });
    expect((await service.listHighlightedEntries()).map((e) => e.entryId)).toEqual([gaba]);
  });
});

describe('the injection corpus through pack text, margin notes and files read again', () => {
  it('stores and returns every payload verbatim, and no highlight changes another', async () => {
    const { service, vault, state } = await open();
    // One paragraph per payload in the entry's text.
    const entry: TestEntry = {
      title: 'Payloads',
      definition: PAYLOADS.map((p) => `Payload ${p.name}: ${p.markdown.replace(/\n\s*\n/g, ' ')}`).join('\n\n'),
    };
    const { ids } = await importMarkdownPack(service, 'Hostile', [entry]);
    const id = ids.get('Payloads')!;
    const { text, blocks } = entryText(await service.getEntry({ id }));
    expect(blocks.length).toBeGreaterThan(10);
    const verbatim = PAYLOADS.filter((p) => text.includes(p.markdown.replace(/\n\s*\n/g, ' ')));
    // The premise: the payloads are in the passages, as they were written.
    expect(verbatim).toHaveLength(PAYLOADS.length);

    const added: PlacedHighlight[] = [];
    for (const [index, block] of blocks.entries()) {
      const payload = PAYLOADS[index % PAYLOADS.length]!;
      added.push(
        await service.addHighlight({ entryId: id, start: block.start, end: block.end, note: payload.markdown }),
      );
      // Every highlight made so far is as it was made.
      const now = await service.getEntryHighlights({ entryId: id });
      expect(now.highlights).toEqual(added.map((h) => ({ ...h, place: { ...h.place!, exact: true } })));
    }
    for (const [index, h] of added.entries()) {
      const block = blocks[index]!;
      expect(h.selectors.quote.exact).toBe(text.slice(block.start, block.end).trim());
      expect(h.note ?? '').toBe(PAYLOADS[index % PAYLOADS.length]!.markdown.trim());
    }

    // Read again from the file by a new session: the same highlights, no problem reported.
    await close(service);
    const again = await open(vault, state);
    const reread = await again.service.getEntryHighlights({ entryId: id });
    expect(reread.problems).toEqual([]);
    expect(reread.highlights).toEqual(added);
    const file = readFileSync(join(vault, 'Highlights/Payloads highlights.md'), 'utf8');
    expect(file.match(/^%% highlight$/gm)).toHaveLength(added.length);
  });
});
