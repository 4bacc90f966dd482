import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '@shared/api/createDispatcher';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { openNotebook, type NotebookService } from './openNotebook';
import { writeBrokenNotes } from './testing/brokenNotes';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

async function openOn(vaultPath: string, stateDir: string): Promise<NotebookService> {
  const service = await openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir, host: 'web', appVersion: '0.0.0' },
    { watch: { pollIntervalMs: 0 }, log: () => undefined },
  );
  services.push(service);
  return service;
}

describe('a vault of broken notes', () => {
  it('opens; every note is listed, opens (read-only where it must) and is searchable; nothing is rewritten', async () => {
    const base = dirs.make('broken-');
    const vaultPath = join(base, 'vault');
    mkdirSync(vaultPath);
    const notes = writeBrokenNotes(vaultPath);
    const service = await openOn(vaultPath, join(base, 'state'));
    const call = createDispatcher(service);

    const listed = (await service.listNotes()).map((note) => note.title).sort();
    expect(listed).toEqual([...notes.map((note) => note.title), 'Target'].sort());

    for (const note of notes) {
      const read = await service.readNote({ path: `${note.title}.md` });
      if (note.opens === 'read-only') {
        expect(read.readOnly?.reason, note.title).toMatch(/UTF-8|binary/);
        // Refused, and the file keeps its bytes.
        const saved = await call('saveNote', {
          path: `${note.title}.md`,
          content: 'overwrite',
          baseVersion: read.version,
        });
        expect(saved, note.title).toMatchObject({ ok: false, error: { code: 'read-only' } });
      } else {
        expect(read.readOnly, note.title).toBeNull();
        // Compared outside expect: a failing diff of megabytes would itself take minutes.
        expect(read.content === note.bytes.toString('utf8'), note.title).toBe(true);
      }
    }

    // Search indexed every readable note, whatever its front matter or size.
    const search = await service.searchService();
    await search.whenReady();
    for (const note of notes.filter((n) => n.marker !== null)) {
      const { hits } = await service.search({ query: note.marker!, scope: 'notes' });
      expect(
        hits.map((hit) => hit.title),
        note.title,
      ).toEqual([note.title]);
    }
    expect((await service.quickSwitch({ query: 'huge front' }))[0]?.title).toBe('Huge front matter');

    // The link index read them too: every editable note's link is a backlink of Target.
    const backlinks = await service.getBacklinks({ ref: { kind: 'note', path: 'Target.md' } });
    expect(backlinks.groups.map((group) => group.title).sort()).toEqual(
      notes
        .filter((n) => n.opens === 'editable')
        .map((n) => n.title)
        .sort(),
    );

    await service.settled();
    for (const note of notes)
      expect(readFileSync(join(vaultPath, `${note.title}.md`)).equals(note.bytes), note.title).toBe(true);
  }, 60_000);
});
