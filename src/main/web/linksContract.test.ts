import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EmbedContent } from '@shared/domain/embeds';
import type { DocRef } from '@shared/domain/docRef';
import type {
  BacklinkList,
  HeadingInfo,
  LinkPreview,
  LinkSuggestion,
  OutgoingLink,
  ResolvedTarget,
  UnresolvedLink,
} from '@shared/domain/links';
import type { RenameResult } from '@shared/domain/note';
import { contractSuite, openTestNotebook } from '../testing/contractSuite';
import { valueOf } from '../testing/contractTargets';
import { tempDirs } from '../testing/tempDirs';

/**
 * The link methods of the contract, over the in-process dispatcher and the HTTP host, on a
 * real vault. Each target works on its own notes (suffixed by target), so the two runs do
 * not disturb each other.
 */
const dirs = tempDirs();
let vaultPath: string;

const GABA: DocRef = { kind: 'entry', id: 'gaba-glutamate-ratio' };
const SUFFIXES = ['local', 'http'];

function files(suffix: string): Record<string, string> {
  return {
    [`${suffix}/Sleep ${suffix}.md`]: `# Sleep\n\n## Chemistry\n\nThe [[GABA Glutamate Ratio|ratio]] of ${suffix}.\n\n- [[Cells ${suffix}#Parts]] and [[Missing ${suffix}]]\n`,
    [`${suffix}/Cells ${suffix}.md`]: `---\naliases: [Cell ${suffix}]\n---\n# Cells\n\nCells are small.\n\n## Parts\n`,
    [`${suffix}/Plain ${suffix}.md`]: 'Here the GABA/glutamate ratio is only named.\n',
    [`${suffix}/Old ${suffix}.md`]: 'To be renamed.\n',
    [`${suffix}/Uses ${suffix}.md`]: `See [[Old ${suffix}]] and [[Old ${suffix}#Top|label]], not Old ${suffix}.\n`,
  };
}

const suite = contractSuite(async () => {
  const base = dirs.make('links-contract-');
  vaultPath = join(base, 'vault');
  for (const suffix of SUFFIXES) {
    for (const [path, text] of Object.entries(files(suffix))) {
      const abs = join(vaultPath, ...path.split('/'));
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, text);
    }
  }
  return { service: await openTestNotebook(vaultPath, join(base, 'state'), { watch: { pollIntervalMs: 0 } }) };
});
afterAll(() => dirs.cleanup());

const targets = suite.targets;

describe.each(targets.map((target, index) => ({ ...target, suffix: SUFFIXES[index]! })))(
  'the link methods over the $name',
  (target) => {
    const s = target.suffix;
    const call = async <T>(method: string, args: unknown) => valueOf<T>(await target.call(method, args));

    it('suggests targets, lists headings, resolves and previews them', async () => {
      const suggestions = await call<LinkSuggestion[]>('suggestLinkTargets', { query: `cell ${s}`, limit: 5 });
      expect(suggestions[0]).toMatchObject({
        ref: { kind: 'note', path: `${s}/Cells ${s}.md` },
        kind: 'note',
        insert: `Cells ${s}`,
        matchedAlias: `Cell ${s}`,
        preview: 'Cells are small.',
      });
      expect(await call<HeadingInfo[]>('listHeadings', { target: `Cells ${s}` })).toEqual([
        { text: 'Cells', level: 1 },
        { text: 'Parts', level: 2 },
      ]);
      expect(
        await call<Array<ResolvedTarget | null>>('resolveLinks', {
          targets: [`cell ${s}`, 'gaba glutamate ratio', 'nope'],
          from: `${s}/Sleep ${s}.md`,
        }),
      ).toEqual([
        { ref: { kind: 'note', path: `${s}/Cells ${s}.md` }, kind: 'note', title: `Cells ${s}` },
        { ref: GABA, kind: 'entry', title: 'GABA Glutamate Ratio' },
        null,
      ]);
      expect(await call<LinkPreview | null>('getLinkPreview', { target: `Cells ${s}` })).toMatchObject({
        text: 'Cells are small.',
      });
      expect(await call<LinkPreview | null>('getLinkPreview', { target: 'nope' })).toBeNull();
      expect(await call<EmbedContent | null>('getEmbed', { target: `Cells ${s}`, part: 'Parts' })).toMatchObject({
        target: { kind: 'note', title: `Cells ${s}` },
        found: true,
      });
      expect(await call<EmbedContent | null>('getEmbed', { target: 'nope' })).toBeNull();
    });

    it('answers backlinks, outgoing links, unresolved links and entry counts', async () => {
      const backlinks = await call<BacklinkList>('getBacklinks', { ref: GABA });
      const mine = backlinks.groups.find((g) => g.path === `${s}/Sleep ${s}.md`);
      expect(mine?.mentions).toEqual([
        {
          text: `The ratio of ${s}.`,
          highlights: [[4, 9]],
          headingPath: ['Sleep', 'Chemistry'],
          start: expect.any(Number),
          end: expect.any(Number),
          source: '[[GABA Glutamate Ratio|ratio]]',
        },
      ]);
      const outgoing = await call<OutgoingLink[]>('getOutgoingLinks', { path: `${s}/Sleep ${s}.md` });
      expect(outgoing.map((l) => [l.target, l.heading, l.resolved?.title ?? null])).toEqual([
        ['GABA Glutamate Ratio', null, 'GABA Glutamate Ratio'],
        [`Cells ${s}`, 'Parts', `Cells ${s}`],
        [`Missing ${s}`, null, null],
      ]);
      const unresolved = await call<UnresolvedLink[]>('listUnresolvedLinks', null);
      expect(unresolved).toContainEqual({
        target: `Missing ${s}`,
        sources: [{ path: `${s}/Sleep ${s}.md`, title: `Sleep ${s}`, count: 1 }],
      });
      const counts = await call<Record<string, number>>('getEntryLinkCounts', null);
      expect(counts['gaba-glutamate-ratio']).toBeGreaterThanOrEqual(1);
    });

    it('finds an unlinked mention and links it, keeping its text as the label', async () => {
      const path = `${s}/Plain ${s}.md`;
      const mentions = await call<BacklinkList>('getUnlinkedMentions', { ref: GABA });
      const mention = mentions.groups.find((g) => g.path === path)!.mentions[0]!;
      expect(mention.source).toBe('GABA/glutamate ratio');
      const result = await call<{ linked: number; previousContent: string; version: string }>('linkMentions', {
        path,
        ref: GABA,
        mentions: [{ start: mention.start, end: mention.end, source: mention.source }],
      });
      expect(result).toMatchObject({ linked: 1, previousContent: 'Here the GABA/glutamate ratio is only named.\n' });
      expect(readFileSync(join(vaultPath, ...path.split('/')), 'utf8')).toBe(
        'Here the [[GABA Glutamate Ratio|GABA/glutamate ratio]] is only named.\n',
      );
    });

    it('counts the links to a note, then renames it and updates them', async () => {
      const path = `${s}/Old ${s}.md`;
      expect(await call('countLinksToNote', { path })).toEqual({ links: 2, notes: 1 });
      const renamed = await call<RenameResult>('renameNote', { path, title: `New ${s}`, updateLinks: true });
      expect(renamed).toMatchObject({
        note: { path: `${s}/New ${s}.md` },
        linkUpdates: { updated: [{ path: `${s}/Uses ${s}.md`, links: 2 }], failed: [] },
      });
      expect(readFileSync(join(vaultPath, s, `Uses ${s}.md`), 'utf8')).toBe(
        `See [[New ${s}]] and [[New ${s}#Top|label]], not Old ${s}.\n`,
      );
    });

    it('refuses bad arguments and unknown documents', async () => {
      await expect(target.call('getBacklinks', { ref: { kind: 'entry', id: 'Not An Id' } })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
      await expect(target.call('getBacklinks', { ref: { kind: 'note', path: '../x.md' } })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
      await expect(target.call('getBacklinks', { ref: { kind: 'entry', id: 'no-such-entry' } })).resolves.toMatchObject(
        {
          ok: false,
          error: { code: 'not-found' },
        },
      );
      await expect(target.call('getOutgoingLinks', { path: 'Nope.md' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'not-found' },
      });
      await expect(
        target.call('linkMentions', {
          path: `${s}/Plain ${s}.md`,
          ref: GABA,
          mentions: [{ start: -1, end: 2, source: 'x' }],
        }),
      ).resolves.toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      await expect(target.call('resolveLinks', { targets: [''] })).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    });
  },
);
