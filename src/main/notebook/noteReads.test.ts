import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_GLOSSARY, tempDirs } from '../testing/tempDirs';
import { nodeVaultFs, type VaultFs } from './fs/VaultFs';
import { openNotebook, type NotebookService } from './openNotebook';

const dirs = tempDirs();
const services: NotebookService[] = [];
afterEach(async () => {
  for (const service of services.splice(0)) await service.close();
  dirs.cleanup();
});

/** The file system, counting the reads of each note file of the vault. */
function countingFs(vaultPath: string): { fs: VaultFs; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const fs: VaultFs = {
    ...nodeVaultFs,
    readFile: (path) => {
      const inVault = relative(vaultPath, path);
      if (!inVault.startsWith('..') && inVault.endsWith('.md')) {
        const key = inVault.split(sep).join('/');
        reads.set(key, (reads.get(key) ?? 0) + 1);
      }
      return nodeVaultFs.readFile(path);
    },
  };
  return { fs, reads };
}

async function indexesReady(service: NotebookService): Promise<void> {
  await (await service.links()).idle();
  const search = await service.searchService();
  await search.whenReady();
  await search.settled();
}

describe('note reads', () => {
  it('a first start reads each note once, and both indexes get its text', async () => {
    const base = dirs.make('reads-');
    const vaultPath = join(base, 'vault');
    mkdirSync(join(vaultPath, 'Course'), { recursive: true });
    const paths: string[] = [];
    for (let n = 0; n < 40; n++) {
      const path = `Course/Note ${n}.md`;
      paths.push(path);
      const word = n === 17 ? 'quokkalantern' : 'cell';
      writeFileSync(join(vaultPath, path), `# Note ${n}\n\nA ${word} links to [[Note ${(n + 1) % 40}]].\n`);
    }
    const { fs, reads } = countingFs(vaultPath);
    const service = await openNotebook(
      { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir: join(base, 'state'), host: 'web', appVersion: 't' },
      { watch: { pollIntervalMs: 0, strategy: 'none' }, fs, log: () => undefined },
    );
    services.push(service);
    await indexesReady(service);

    expect(Object.fromEntries(reads)).toEqual(Object.fromEntries(paths.map((path) => [path, 1])));
    // Both indexes hold every note's text.
    expect((await service.search({ query: 'quokkalantern' })).hits.map((hit) => hit.ref)).toEqual([
      { kind: 'note', path: 'Course/Note 17.md' },
    ]);
    const backlinks = await service.getBacklinks({ ref: { kind: 'note', path: 'Course/Note 18.md' } });
    expect(JSON.stringify(backlinks)).toContain('Course/Note 17.md');
  });

  it('a save is indexed from the text written, without the indexes reading the file', async () => {
    const base = dirs.make('reads-');
    const vaultPath = join(base, 'vault');
    mkdirSync(vaultPath, { recursive: true });
    writeFileSync(join(vaultPath, 'Target.md'), '# Target\n');
    writeFileSync(join(vaultPath, 'Cells.md'), '# Cells\n');
    const { fs, reads } = countingFs(vaultPath);
    const service = await openNotebook(
      { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir: join(base, 'state'), host: 'web', appVersion: 't' },
      { watch: { pollIntervalMs: 0, strategy: 'none' }, fs, log: () => undefined },
    );
    services.push(service);
    await indexesReady(service);
    const before = reads.get('Cells.md') ?? 0;
    const { version } = await service.readNote({ path: 'Cells.md' });
    await service.saveNote({
      path: 'Cells.md',
      content: '# Cells\n\nmitochondrion, see [[Target]].\n',
      baseVersion: version,
    });
    await indexesReady(service);
    // readNote above and the save's own look at the file before it writes: none by the indexes.
    expect((reads.get('Cells.md') ?? 0) - before).toBe(2);
    const hits = (await service.search({ query: 'mitochondrion' })).hits;
    expect(hits.map((hit) => hit.ref)).toEqual([{ kind: 'note', path: 'Cells.md' }]);
    const backlinks = await service.getBacklinks({ ref: { kind: 'note', path: 'Target.md' } });
    expect(JSON.stringify(backlinks)).toContain('Cells.md');
  });
});
