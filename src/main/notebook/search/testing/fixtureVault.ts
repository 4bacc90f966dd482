import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { openNotebook, type NotebookService } from '../../openNotebook';
import { SHIPPED_GLOSSARY, tempDirs } from '../../../testing/tempDirs';
import type { IndexerHost } from '../IndexerClient';

/** The fixture vault: realistic student notes on neuroscience, biology, chemistry and pharmacology. */
export const FIXTURE_VAULT = join(__dirname, '..', 'fixtures', 'vault');

/**
 * Opens a notebook on a fresh copy of the fixture vault with the shipped glossary, and
 * waits until its search index is ready. Call `cleanup` after the tests.
 */
export async function openFixtureNotebook(
  options: { host?: IndexerHost } = {},
): Promise<{ service: NotebookService; vaultPath: string; stateDir: string; cleanup: () => Promise<void> }> {
  const dirs = tempDirs();
  const base = dirs.make('search-fixture-');
  const vaultPath = join(base, 'vault');
  const stateDir = join(base, 'state');
  cpSync(FIXTURE_VAULT, vaultPath, { recursive: true });
  const service = await openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir, host: 'web', appVersion: '0.0.0-test' },
    { watch: { pollIntervalMs: 0 }, searchHost: options.host ?? { kind: 'inline' }, log: () => undefined },
  );
  await (await service.searchService()).whenReady();
  return {
    service,
    vaultPath,
    stateDir,
    cleanup: async () => {
      await service.close();
      dirs.cleanup();
    },
  };
}
