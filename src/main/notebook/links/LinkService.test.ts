import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotebookEvents } from '@shared/api/NotebookApi';
import type { DocRef } from '@shared/domain/docRef';
import type { NoteChange } from '@shared/domain/note';
import { SHIPPED_GLOSSARY, tempDirs } from '../../testing/tempDirs';
import { openNotebook, type NotebookService } from '../openNotebook';
import { LINK_CACHE_FILE } from './linkCache';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

const GABA: DocRef = { kind: 'entry', id: 'gaba-glutamate-ratio' };
const note = (path: string): DocRef => ({ kind: 'note', path });

/** A notebook on a fresh vault holding `files` (vault-relative path → text). */
async function open(files: Record<string, string | Buffer> = {}, base = dirs.make('links-')) {
  const vaultPath = join(base, 'vault');
  mkdirSync(vaultPath, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    const abs = join(vaultPath, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  const service = await openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir: join(base, 'state'), host: 'web', appVersion: '0.0.0-test' },
    { watch: { pollIntervalMs: 0, strategy: 'none' }, log: () => undefined },
  );
  services.push(service);
  const events: Array<{ name: keyof NotebookEvents; payload: unknown }> = [];
  service.events.onAny((name, payload) => events.push({ name, payload }));
  const links = await service.links();
  await links.idle();
  const read = (path: string) => readFileSync(join(vaultPath, ...path.split('/')), 'utf8');
  const write = (path: string, text: string) => writeFileSync(join(vaultPath, ...path.split('/')), text);
  return { base, vaultPath, service, links, events, read, write };
}

describe('backlinks', () => {
  it('groups mentions by note with the paragraph or list item, the heading path and offsets', async () => {
    const text = [
      '# Sleep',
      '',
      '## Chemistry',
      '',
      'The **balance** of [[GABA Glutamate Ratio|the ratio]] matters',
      'for sleep, see `code`.',
      '',
      '### Notes',
      '',
      '- first item',
      '- second [[gaba glutamate ratio#Origin]] item',
      '  continued',
      '  - nested [[Mitosis]]',
    ].join('\n');
    const { service } = await open({ 'Biology/Sleep.md': text, 'Anxiety.md': 'Linked: [[GABA/glutamate ratio]].' });
    const backlinks = await service.getBacklinks({ ref: GABA });
    expect(backlinks.count).toBe(3);
    expect(backlinks.groups.map((g) => g.title)).toEqual(['Anxiety', 'Sleep']);
    const [paragraph, item] = backlinks.groups[1]!.mentions;
    expect(paragraph).toEqual({
      text: 'The balance of the ratio matters for sleep, see code.',
      highlights: [[15, 24]],
      headingPath: ['Sleep', 'Chemistry'],
      start: text.indexOf('[[GABA Glutamate Ratio|'),
      end: text.indexOf(' matters'),
      source: '[[GABA Glutamate Ratio|the ratio]]',
    });
    expect(item).toMatchObject({
      text: 'second gaba glutamate ratio > Origin item continued',
      highlights: [[7, 36]],
      headingPath: ['Sleep', 'Chemistry', 'Notes'],
      source: '[[gaba glutamate ratio#Origin]]',
    });
    expect(text.slice(item!.start, item!.end)).toBe(item!.source);
    expect(backlinks.groups[0]!.mentions[0]).toMatchObject({ text: 'Linked: GABA/glutamate ratio.', headingPath: [] });
  });

  it('follows saves, creates, renames, deletes and external edits', async () => {
    const { service, links, write, events } = await open({
      'A.md': 'Nothing yet.',
      'B.md': '[[GABA Glutamate Ratio]]',
    });
    const countFor = async () => (await service.getBacklinks({ ref: GABA })).groups.map((g) => g.path);
    expect(await countFor()).toEqual(['B.md']);
    const a = await service.readNote({ path: 'A.md' });
    await service.saveNote({ path: 'A.md', content: 'Now [[GABA Glutamate Ratio]].', baseVersion: a.version });
    expect(await countFor()).toEqual(['A.md', 'B.md']);
    await service.createNote({ title: 'C', content: '[[gaba glutamate ratio]]' });
    expect(await countFor()).toEqual(['A.md', 'B.md', 'C.md']);
    await service.renameNote({ path: 'C.md', title: 'Zed' });
    expect(await countFor()).toEqual(['A.md', 'B.md', 'Zed.md']);
    await service.deleteNote({ path: 'B.md' });
    expect(await countFor()).toEqual(['A.md', 'Zed.md']);
    // Another program edits a file; the vault notices it on its next rescan.
    write('A.md', 'Unlinked again.');
    await (await service.vault()).rescan();
    expect(await countFor()).toEqual(['Zed.md']);
    await links.idle();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(events.filter((e) => e.name === 'links-changed').length).toBeGreaterThanOrEqual(1);
  });

  it('reads a note changed on disk before its event arrived, and still answers exactly', async () => {
    const { service, write } = await open({ 'A.md': 'See [[GABA Glutamate Ratio]] here.' });
    expect((await service.getBacklinks({ ref: GABA })).count).toBe(1);
    write('A.md', 'Longer prefix now. See [[GABA Glutamate Ratio]] and [[GABA Glutamate Ratio]].');
    // The store learns about the file on its next rescan; the backlinks reader notices first.
    await (await service.vault()).rescan();
    const backlinks = await service.getBacklinks({ ref: GABA });
    expect(backlinks.count).toBe(2);
    expect(backlinks.groups[0]!.mentions[0]!.start).toBe('Longer prefix now. See '.length);
  });

  it('works for notes, follows Obsidian resolution and leaves the note itself out', async () => {
    const { service } = await open({
      'Cells.md': 'I am [[Cells]].',
      'Bio/Cells.md': 'Other cells.',
      'Bio/Links.md': '[[Cells]] here means Bio/Cells? No: the root note is an exact path.',
      'Other/Links.md': '[[Bio/Cells]] and [[Cells]]',
    });
    const root = await service.getBacklinks({ ref: note('Cells.md') });
    expect(root.groups.map((g) => [g.path, g.mentions.length])).toEqual([
      ['Bio/Links.md', 1],
      ['Other/Links.md', 1],
    ]);
    const bio = await service.getBacklinks({ ref: note('Bio/Cells.md') });
    expect(bio.groups.map((g) => [g.path, g.mentions.map((m) => m.source)])).toEqual([
      ['Other/Links.md', ['[[Bio/Cells]]']],
    ]);
    await expect(service.getBacklinks({ ref: note('Nope.md') })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('unlinked mentions', () => {
  it('finds whole words of the title and aliases, case- and separator-insensitively, longest first', async () => {
    const { service } = await open({
      'A.md': 'The gaba glutamate ratio rises. The GABA-glutamate ratio falls.\n\nAlso GABA/glutamate ratio.',
      'B.md': 'ratios of gaba glutamate ratios, gabaglutamate ratio, xgaba glutamate ratio',
      'C.md': 'Code `GABA glutamate ratio` and\n\n```\nGABA glutamate ratio\n```\n\n[[GABA glutamate ratio]] in a link',
      'D.md':
        'Linked here [[GABA Glutamate Ratio]] so GABA glutamate ratio is skipped.\n\nBut GABA glutamate ratio here counts.',
      'E.md':
        '---\naliases: [GABA glutamate ratio]\n---\nA [link](http://x/GABA glutamate ratio) and https://x.org/GABA_glutamate_ratio',
      'F.md': 'Diacritics: GABA Glutamáte Ratio. Split across lines: GABA\nglutamate ratio.',
    });
    const mentions = await service.getUnlinkedMentions({ ref: GABA });
    const found = Object.fromEntries(mentions.groups.map((g) => [g.path, g.mentions.map((m) => m.source)]));
    expect(found).toEqual({
      'A.md': ['gaba glutamate ratio', 'GABA-glutamate ratio', 'GABA/glutamate ratio'],
      'D.md': ['GABA glutamate ratio'],
      'F.md': ['GABA Glutamáte Ratio'],
    });
    expect(mentions.count).toBe(5);
    const d = mentions.groups.find((g) => g.path === 'D.md')!.mentions[0]!;
    expect(d).toMatchObject({ text: 'But GABA glutamate ratio here counts.', highlights: [[4, 24]] });
  });

  it('looks for a note title and its aliases in other notes only', async () => {
    const { service } = await open({
      'Neurons.md': '---\naliases: [nerve cell]\n---\nNeurons mention themselves.',
      'Other.md': 'Neurons and a nerve cell, but not nerve cells or neuronsX.',
    });
    const mentions = await service.getUnlinkedMentions({ ref: note('Neurons.md') });
    expect(mentions.groups.map((g) => [g.path, g.mentions.map((m) => m.source)])).toEqual([
      ['Other.md', ['Neurons', 'nerve cell']],
    ]);
  });
});

describe('linkMentions', () => {
  it('links the given mentions, keeping the original text as the label, and reports the old text', async () => {
    const text = 'The GABA/glutamate ratio and the GABA Glutamate Ratio.\n\n| a | GABA glutamate ratio |\n|---|---|\n';
    const { service, read, events } = await open({ 'A.md': text });
    const mentions = (await service.getUnlinkedMentions({ ref: GABA })).groups[0]!.mentions;
    expect(mentions.map((m) => m.source)).toEqual([
      'GABA/glutamate ratio',
      'GABA Glutamate Ratio',
      'GABA glutamate ratio',
    ]);
    events.length = 0;
    const result = await service.linkMentions({ path: 'A.md', ref: GABA, mentions });
    expect(result.linked).toBe(3);
    expect(result.previousContent).toBe(text);
    expect(read('A.md')).toBe(
      'The [[GABA Glutamate Ratio|GABA/glutamate ratio]] and the [[GABA Glutamate Ratio]].\n\n| a | [[GABA Glutamate Ratio\\|GABA glutamate ratio]] |\n|---|---|\n',
    );
    // The change reloads an open editor of the note.
    const change = events.find((e) => e.name === 'notes-changed')!.payload as { changes: NoteChange[] };
    expect(change.changes).toEqual([
      expect.objectContaining({ path: 'A.md', kind: 'changed', external: true, version: result.version }),
    ]);
    expect((await service.getBacklinks({ ref: GABA })).count).toBe(3);
    expect((await service.getUnlinkedMentions({ ref: GABA })).count).toBe(0);
  });

  it('skips mentions whose text moved, and writes nothing when none is left', async () => {
    const { service, read } = await open({ 'A.md': 'About GABA glutamate ratio.' });
    const result = await service.linkMentions({
      path: 'A.md',
      ref: GABA,
      mentions: [{ start: 0, end: 5, source: 'GABA ' }],
    });
    expect(result).toMatchObject({ linked: 0, previousContent: 'About GABA glutamate ratio.' });
    expect(read('A.md')).toBe('About GABA glutamate ratio.');
  });
});

describe('renameNote with updateLinks', () => {
  it('rewrites targets only, in their own form, and counts them first', async () => {
    const files = {
      'Bio/Old Name.md': '# Old\n\n## Part\n',
      'A.md': 'See [[Old Name]], [[old name#Part|the part]] and ![[Bio/Old Name.md]].\nKeep "Old Name" prose.',
      'Bio/B.md': '- [[ Old Name | spaced ]] and [[../Bio/Old Name]], [[./Old Name#Part]]',
      'C.md': '[[Old Alias]] stays, `[[Old Name]]` in code stays.',
    };
    const { service, read } = await open({
      ...files,
      'Bio/Old Name.md': '---\naliases: [Old Alias]\n---\n# Old\n\n## Part\n',
    });
    expect(await service.countLinksToNote({ path: 'Bio/Old Name.md' })).toEqual({ links: 6, notes: 2 });
    const result = await service.renameNote({ path: 'Bio/Old Name.md', title: 'New Name', updateLinks: true });
    expect(result.note.path).toBe('Bio/New Name.md');
    expect(result.linkUpdates).toEqual({
      updated: [
        { path: 'A.md', links: 3 },
        { path: 'Bio/B.md', links: 3 },
      ],
      failed: [],
    });
    expect(read('A.md')).toBe(
      'See [[New Name]], [[New Name#Part|the part]] and ![[Bio/New Name.md]].\nKeep "Old Name" prose.',
    );
    expect(read('Bio/B.md')).toBe('- [[ New Name | spaced ]] and [[../Bio/New Name]], [[./New Name#Part]]');
    expect(read('C.md')).toBe(files['C.md']);
    // The alias link in C.md still reaches the note too.
    expect((await service.getBacklinks({ ref: note('Bio/New Name.md') })).count).toBe(7);
  });

  it('rewrites the path of Markdown links in the form they were written', async () => {
    const { service, read } = await open({
      'Bio/Old Name.md': '# Old\n\n## Part\n',
      'A.md': 'See [a](Old%20Name.md), [b](<Old Name.md#Part>), [c](Bio/Old%20Name.md) and [web](https://x.org/Old).',
      'Bio/B.md': '[up](../Bio/Old%20Name.md#Part) and ![pic](Old%20Name.md)',
    });
    expect(await service.countLinksToNote({ path: 'Bio/Old Name.md' })).toEqual({ links: 5, notes: 2 });
    await service.renameNote({ path: 'Bio/Old Name.md', title: 'New Title', updateLinks: true });
    expect(read('A.md')).toBe(
      'See [a](New%20Title.md), [b](<New Title.md#Part>), [c](Bio/New%20Title.md) and [web](https://x.org/Old).',
    );
    expect(read('Bio/B.md')).toBe('[up](../Bio/New%20Title.md#Part) and ![pic](New%20Title.md)');
  });

  it('writes the shortest unambiguous form when the new title is taken elsewhere', async () => {
    const { service, read } = await open({
      'deep/er/Old.md': '',
      'b/New.md': '',
      'b/Source.md': '[[Old]] here',
      'c/Source.md': '[[Old]] there',
      'deep/er/Source.md': '[[Old]] beside',
    });
    await service.renameNote({ path: 'deep/er/Old.md', title: 'New', updateLinks: true });
    // From b/, "New" is b/New.md (same folder); from c/, the shortest path wins: b/New.md too.
    expect(read('b/Source.md')).toBe('[[er/New]] here');
    expect(read('c/Source.md')).toBe('[[er/New]] there');
    expect(read('deep/er/Source.md')).toBe('[[New]] beside');
  });

  it('reports a file it cannot rewrite and updates the others', async () => {
    const { service, read } = await open({
      'Old.md': '',
      'Good.md': '[[Old]]',
      'Bad.md': Buffer.concat([Buffer.from('[[Old]] '), Buffer.from([0xff, 0xfe])]),
    });
    const result = await service.renameNote({ path: 'Old.md', title: 'New', updateLinks: true });
    expect(read('Good.md')).toBe('[[New]]');
    expect(result.linkUpdates?.updated).toEqual([{ path: 'Good.md', links: 1 }]);
    // A file that is not UTF-8 has no links the index can read: nothing to rewrite there.
    expect(result.linkUpdates?.failed).toEqual([]);
  });

  it('renames without touching links when not asked to', async () => {
    const { service, read } = await open({ 'Old.md': '', 'A.md': '[[Old]]' });
    expect(await service.renameNote({ path: 'Old.md', title: 'New' })).toMatchObject({ linkUpdates: null });
    expect(read('A.md')).toBe('[[Old]]');
    expect(await service.listUnresolvedLinks()).toEqual([
      { target: 'Old', sources: [{ path: 'A.md', title: 'A', count: 1 }] },
    ]);
  });
});

describe('outgoing, unresolved and counts', () => {
  it('counts Markdown links, front matter links and not links in comments, as Obsidian does', async () => {
    const { service } = await open({
      'Target Note.md': '# T',
      'A.md':
        '---\nrelated: "[[Target Note]]"\n---\n[t](Target%20Note.md) [m](Missing.md) %% [[Target Note]] [[Ghost]] %%',
      'B.md': '[[Functions#hasTag|`hasTag`]]',
    });
    const backlinks = await service.getBacklinks({ ref: note('Target Note.md') });
    expect(backlinks.count).toBe(2);
    const unresolved = (await service.listUnresolvedLinks()).map((link) => link.target);
    expect(unresolved).toEqual(expect.arrayContaining(['Missing.md', 'Functions']));
    expect(unresolved).not.toContain('Ghost');
  });

  it('lists outgoing links with resolution, unresolved targets and entry counts', async () => {
    const { service } = await open({
      'A.md': '[[GABA Glutamate Ratio]] [[gaba glutamate ratio#Origin]] [[Nowhere]] [[B]] [[B]]',
      'B.md': '[[nowhere]] [[Mitosis]] [[GABA/glutamate ratio]]',
    });
    expect(await service.getOutgoingLinks({ path: 'A.md' })).toEqual([
      {
        target: 'GABA Glutamate Ratio',
        heading: null,
        resolved: { ref: GABA, kind: 'entry', title: 'GABA Glutamate Ratio' },
        count: 1,
      },
      {
        target: 'gaba glutamate ratio',
        heading: 'Origin',
        resolved: { ref: GABA, kind: 'entry', title: 'GABA Glutamate Ratio' },
        count: 1,
      },
      { target: 'Nowhere', heading: null, resolved: null, count: 1 },
      { target: 'B', heading: null, resolved: { ref: note('B.md'), kind: 'note', title: 'B' }, count: 2 },
    ]);
    expect(await service.listUnresolvedLinks()).toEqual([
      { target: 'Mitosis', sources: [{ path: 'B.md', title: 'B', count: 1 }] },
      {
        target: 'Nowhere',
        sources: [
          { path: 'A.md', title: 'A', count: 1 },
          { path: 'B.md', title: 'B', count: 1 },
        ],
      },
    ]);
    // Entries no note links to are left out (a pack of 120,000 entries has mostly zeros).
    expect(await service.getEntryLinkCounts()).toEqual({ 'gaba-glutamate-ratio': 2 });
  });
});

describe('suggestions, headings, previews', () => {
  it('ranks exact, prefix, word prefix, substring, then fuzzy matches, with kinds and previews', async () => {
    const { service } = await open({
      'Gabapentin.md': '# Gabapentin\n\nA drug. Its first paragraph is the preview.',
      'Notes on gaba.md': '',
      'Mega.md': '---\naliases: [Megabase]\n---\n',
      'Ggg a b a.md': '',
    });
    const suggestions = await service.suggestLinkTargets({ query: 'gaba' });
    expect(suggestions.map((s) => [s.title, s.kind, s.matchedAlias])).toEqual([
      ['GABA Glutamate Ratio', 'entry', null],
      ['Gabapentin', 'note', null],
      ['Notes on gaba', 'note', null],
      ['Mega', 'note', 'Megabase'],
      ['Ggg a b a', 'note', null],
    ]);
    expect(suggestions[0]).toMatchObject({ insert: 'GABA Glutamate Ratio', ref: GABA });
    expect(suggestions[0]!.preview).toMatch(/^The GABA Glutamate Ratio is a crucial neurochemical index .*…$/);
    expect(suggestions[0]!.preview.length).toBeLessThanOrEqual(120);
    expect(suggestions[1]).toMatchObject({
      insert: 'Gabapentin',
      preview: 'A drug. Its first paragraph is the preview.',
    });
  });

  it('inserts a path when titles clash and the glossary form when a note hides an entry', async () => {
    const { service } = await open({ 'a/Twin.md': '', 'b/Twin.md': '', 'Mine/GABA Glutamate Ratio.md': '' });
    const twins = await service.suggestLinkTargets({ query: 'twin' });
    expect(twins.map((s) => s.insert).sort()).toEqual(['a/Twin', 'b/Twin']);
    const gaba = await service.suggestLinkTargets({ query: 'GABA Glutamate Ratio' });
    expect(gaba.map((s) => [s.kind, s.insert])).toEqual([
      ['entry', 'glossary:gaba-glutamate-ratio'],
      ['note', 'GABA Glutamate Ratio'],
    ]);
  });

  it('lists entries and recent notes for an empty query', async () => {
    const { service } = await open({ 'Recent.md': '' });
    const suggestions = await service.suggestLinkTargets({ query: ' ', limit: 6 });
    expect(suggestions.map((s) => s.kind)).toEqual(['entry', 'entry', 'entry', 'entry', 'entry', 'note']);
  });

  it('lists headings of notes and entries, resolves targets and previews them', async () => {
    const { service } = await open({
      'Cells.md':
        '---\ntags: [x]\n---\n# Cells\n\nFirst *paragraph* with [[Mitosis|a link]].\n\n## Parts\n\nSetext\n---\n',
      'Bio/Source.md': '',
    });
    expect(await service.listHeadings({ target: 'cells' })).toEqual([
      { text: 'Cells', level: 1 },
      { text: 'Parts', level: 2 },
      { text: 'Setext', level: 2 },
    ]);
    expect(await service.listHeadings({ target: 'GABA Glutamate Ratio' })).toEqual([
      { text: 'Origin', level: 2 },
      { text: 'Mechanism', level: 2 },
    ]);
    expect(await service.listHeadings({ target: 'nothing' })).toEqual([]);
    expect(await service.getLinkPreview({ target: 'Cells#Parts' })).toEqual({
      target: { ref: note('Cells.md'), kind: 'note', title: 'Cells' },
      text: 'First paragraph with a link.',
    });
    expect(await service.getLinkPreview({ target: 'nothing' })).toBeNull();
    expect(await service.getLinkText({ ref: GABA })).toBe('GABA Glutamate Ratio');
    expect(await service.getLinkText({ ref: note('Cells.md'), from: 'Bio/Source.md' })).toBe('Cells');
    await expect(service.getLinkText({ ref: note('Nowhere.md') })).rejects.toMatchObject({ code: 'not-found' });
    expect(
      await service.resolveLinks({ targets: ['cells', 'GABA/glutamate ratio', 'x'], from: 'Bio/Source.md' }),
    ).toEqual([
      { ref: note('Cells.md'), kind: 'note', title: 'Cells' },
      { ref: GABA, kind: 'entry', title: 'GABA Glutamate Ratio' },
      null,
    ]);
  });
});

describe('the persisted index', () => {
  it('reopens from the cache, re-reading only notes that changed while closed', async () => {
    const base = dirs.make('links-cache-');
    const files = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`N${i}.md`, `[[GABA Glutamate Ratio]] ${i}`]),
    );
    const first = await open(files, base);
    // A first start: the index reads nothing itself; the vault reads each note once and hands it over as it announces it.
    expect(first.links.stats).toMatchObject({ notesRead: 0, notesFromCache: 0 });
    expect((await first.service.getBacklinks({ ref: GABA })).count).toBe(20);
    await first.service.close();
    services.splice(services.indexOf(first.service), 1);
    writeFileSync(join(first.vaultPath, 'N3.md'), 'no link now');
    const second = await open({}, base);
    // Every note from the cache at once; the vault's check of its records against the disk
    // then finds N3 changed, and that one change is applied before the index says it is ready.
    expect(second.links.stats).toMatchObject({ notesRead: 0, notesFromCache: 20, updates: 1 });
    expect((await second.service.getBacklinks({ ref: GABA })).count).toBe(19);
    await second.service.close();
    services.splice(services.indexOf(second.service), 1);
    // A corrupt cache is ignored and rebuilt.
    const stateDirs = join(base, 'state', 'vaults');
    const [vaultState] = readdirSync(stateDirs);
    writeFileSync(join(stateDirs, vaultState!, LINK_CACHE_FILE), '{"format": 1, "notes": {"N1.md": {"v": 3}}');
    const third = await open({}, base);
    expect(third.links.stats).toMatchObject({ notesRead: 20, notesFromCache: 0 });
    expect((await third.service.getBacklinks({ ref: GABA })).count).toBe(19);
  });
});

describe('embeds', () => {
  it('gives a note, a heading section or a block, an entry or its section, and null for nothing', async () => {
    const { service, write, links } = await open({
      'Cells.md': '---\ntags: [x]\n---\n# Cells\n\nIntro.\n\n## Parts\n\nNucleus. ^nuc-1\n\n## Other\n\nMore.\n',
      'Bio/Source.md': 'See ![[Cells#^nuc-1]] and [[Cells#^nuc-1]] and [[Cells#^gone]].\n',
    });
    const cells = { ref: note('Cells.md'), kind: 'note', title: 'Cells' };
    expect(await service.getEmbed({ target: 'Cells', from: 'Bio/Source.md' })).toMatchObject({
      target: cells,
      part: null,
      found: true,
      markdown: '# Cells\n\nIntro.\n\n## Parts\n\nNucleus. ^nuc-1\n\n## Other\n\nMore.',
    });
    expect(await service.getEmbed({ target: 'cells', part: 'Parts' })).toMatchObject({
      found: true,
      markdown: '## Parts\n\nNucleus. ^nuc-1',
    });
    expect(await service.getEmbed({ target: 'Cells', part: '^NUC-1' })).toMatchObject({
      found: true,
      markdown: 'Nucleus. ^nuc-1',
    });
    expect(await service.getEmbed({ target: 'Cells', part: '^none' })).toMatchObject({ found: false, markdown: '' });
    expect(await service.getEmbed({ target: 'Nothing here' })).toBeNull();
    const entry = await service.getEmbed({ target: 'GABA Glutamate Ratio' });
    expect(entry).toMatchObject({ target: { ref: GABA, kind: 'entry' }, found: true });
    expect(entry!.entry!.definition.length).toBeGreaterThan(20);
    expect(entry!.entry!.sections.map((s) => s.heading)).toEqual(['Origin', 'Mechanism']);
    const origin = await service.getEmbed({ target: 'GABA Glutamate Ratio', part: 'origin' });
    expect(origin!.entry).toMatchObject({ definition: '', sections: [{ heading: 'Origin' }] });
    // Links to a block count as resolved; an embed follows its source's changes.
    const outgoing = await service.getOutgoingLinks({ path: 'Bio/Source.md' });
    expect(outgoing.every((link) => link.resolved?.title === 'Cells')).toBe(true);
    expect((await service.listUnresolvedLinks()).map((u) => u.target)).toEqual([]);
    write('Cells.md', '# Cells\n\nNucleus, edited. ^nuc-1\n');
    await service.readNote({ path: 'Cells.md' });
    await links.idle();
    expect(await service.getEmbed({ target: 'Cells', part: '^nuc-1' })).toMatchObject({
      markdown: 'Nucleus, edited. ^nuc-1',
    });
  });
});

describe('updatePack with updateLinks (links naming the pack like a folder)', () => {
  const ENTRY = 'GABA Glutamate Ratio';

  it('rewrites only the pack part of [[Pack/Title]] links, every form, and leaves plain titles', async () => {
    const text = [
      `See [[Neurochemistry/${ENTRY}|the ratio]], ![[neurochemistry/gaba glutamate ratio#Origin]],`,
      `[[Neurochemistry/${ENTRY}#^block]] and [[${ENTRY}]] and [[glossary:gaba-glutamate-ratio]].`,
      '',
      '| term | link |',
      '| - | - |',
      `| ratio | [[Neurochemistry/${ENTRY}\\|the ratio]] |`,
      '',
    ].join('\n');
    const { service, read } = await open({ 'Sleep.md': text });
    expect(await service.countLinksToPack({ id: 'builtin' })).toEqual({ links: 4, notes: 1 });
    const result = await service.updatePack({ id: 'builtin', name: 'Brain words', updateLinks: true });
    expect(result.linkUpdates).toEqual({ updated: [{ path: 'Sleep.md', links: 4 }], failed: [] });
    expect(read('Sleep.md')).toBe(text.replace(/\[\[neurochemistry\//gi, '[[Brain words/'));
    expect(await service.resolveLinks({ targets: [`Brain words/${ENTRY}`], from: 'Sleep.md' })).toEqual([
      expect.objectContaining({ ref: GABA }),
    ]);
  });

  it('leaves a link a note answers: a note at Pack name/Title.md beats the entry', async () => {
    const text = `[[Neurochemistry/${ENTRY}]]\n`;
    const { service, read } = await open({ 'Sleep.md': text, [`Neurochemistry/${ENTRY}.md`]: 'My own page.\n' });
    expect(await service.countLinksToPack({ id: 'builtin' })).toEqual({ links: 0, notes: 0 });
    const result = await service.updatePack({ id: 'builtin', name: 'Brain words', updateLinks: true });
    expect(result).toMatchObject({ name: 'Brain words', linkUpdates: { updated: [], failed: [] } });
    expect(read('Sleep.md')).toBe(text);
  });

  it('changes nothing when only the case of the name changes, or when not asked', async () => {
    const text = `[[Neurochemistry/${ENTRY}]]\n`;
    const { service, read } = await open({ 'Sleep.md': text });
    await service.updatePack({ id: 'builtin', name: 'NEUROCHEMISTRY', updateLinks: true });
    expect(read('Sleep.md')).toBe(text);
    expect(await service.updatePack({ id: 'builtin', name: 'Other' })).toMatchObject({ linkUpdates: null });
    expect(read('Sleep.md')).toBe(text);
  });
});
