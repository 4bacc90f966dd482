import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/fixtures/findChromium';
import type { HostOptions } from './e2e/fixtures/app';

const executablePath = findChromium();

export default defineConfig<HostOptions>({
  testDir: './e2e/specs',
  globalSetup: './e2e/globalSetup.ts',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  // Specs wait on conditions; this only bounds a hang. Alone a spec takes 5–20 s, but on a
  // 2-core machine under load (load 10+) the longest took over 30 s with nothing wrong.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    // Recording a trace for every test (to keep the failed ones) cost a third of the e2e time.
    // CI shows only the text of a run, so it records none; locally a failure keeps its trace.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
  },
  projects: [
    // The real UI in real Chromium against the real backend through the HTTP host.
    { name: 'web', use: { host: 'web', browserName: 'chromium' } },
    // The same specs inside Electron through _electron; skipped with a reason where the binary is missing.
    { name: 'electron', use: { host: 'electron' } },
  ],
});
