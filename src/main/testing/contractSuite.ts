import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openNotebook, type NotebookOptions, type NotebookService } from '../notebook/openNotebook';
import { startHttpHost, type HttpHost } from '../web/startHttpHost';
import { contractTargets, type ContractTarget } from './contractTargets';
import { SHIPPED_GLOSSARY, tempDirs } from './tempDirs';

/** Opens a notebook for tests on the given vault (the shipped glossary, a fresh state folder). */
export function openTestNotebook(vaultPath: string, stateDir: string, options?: NotebookOptions) {
  return openNotebook(
    { vaultPath, glossaryDir: SHIPPED_GLOSSARY, stateDir, host: 'web', appVersion: '0.0.0-test' },
    options,
  );
}

export interface ContractSuite {
  readonly service: NotebookService;
  readonly host: HttpHost;
  /** The in-process dispatcher and the HTTP host over the same service. */
  readonly targets: ContractTarget[];
}

/**
 * Sets up one contract suite: `open` gives the service (in beforeAll), which is also served
 * by an HTTP host; both are closed in afterAll. Call at the top of a test file.
 */
export function contractSuite(
  open: () => Promise<{ service: NotebookService; close?: () => Promise<void> }>,
): ContractSuite {
  const dirs = tempDirs();
  let opened: { service: NotebookService; close?: () => Promise<void> } | undefined;
  let host: HttpHost | undefined;

  beforeAll(async () => {
    opened = await open();
    const rendererDir = dirs.make();
    mkdirSync(join(rendererDir, 'assets'));
    host = await startHttpHost({ service: opened.service, rendererDir });
  });

  afterAll(async () => {
    await host?.close();
    await (opened?.close ? opened.close() : opened?.service.close());
    dirs.cleanup();
  });

  const suite: ContractSuite = {
    get service() {
      if (!opened) throw new Error('The contract suite is not open yet (use it inside tests).');
      return opened.service;
    },
    get host() {
      if (!host) throw new Error('The contract suite is not open yet (use it inside tests).');
      return host;
    },
    targets: contractTargets(
      () => suite.service,
      () => suite.host,
    ),
  };
  return suite;
}
