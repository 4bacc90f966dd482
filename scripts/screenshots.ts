/**
 * Takes the README's screenshots: starts `serve` on a scratch vault, drives the UI in
 * Chromium, and writes PNGs in light and dark themes to docs/ (or the folder given).
 *
 *   npm run build && npx tsx scripts/screenshots.ts [outDir]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/fixtures/findChromium';

const root = resolve(__dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'docs'));

export type Scene = (page: Page) => Promise<void>;

const SAMPLE_NOTE = `---
tags: [neuro, exam]
---
# Inhibition and excitation

The brain keeps a **balance** between excitatory *glutamate* and inhibitory GABA. See the GABA Glutamate Ratio entry.

## Key points

- Glutamate depolarises neurons
- GABA hyperpolarises them
  - via GABA-A receptors
- [x] Read the Mechanism section
- [ ] Summarise the Origin section

> Excitation without inhibition is noise.

\`\`\`
ratio = GABA / glutamate
\`\`\`
`;

const scenes: Record<string, Scene> = {
  editor: async (page) => {
    await page.getByRole('option', { name: 'Inhibition and excitation' }).click();
    await page.getByRole('option', { name: 'GABA Glutamate Ratio' }).click();
    await page.getByRole('complementary', { name: 'Reference' }).getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('textbox', { name: /^Note: / }).click();
  },
  reader: async (page) => {
    await page.getByRole('option', { name: 'GABA Glutamate Ratio' }).click();
    await page.getByRole('heading', { level: 1, name: 'GABA Glutamate Ratio' }).waitFor();
  },
};

async function main() {
  mkdirSync(outDir, { recursive: true });
  const vault = mkdtempSync(join(tmpdir(), 'sn-shots-vault-'));
  const state = mkdtempSync(join(tmpdir(), 'sn-shots-state-'));
  writeFileSync(join(vault, 'Inhibition and excitation.md'), SAMPLE_NOTE);
  const server = spawn(process.execPath, [join(root, 'out/main/serve.js'), '--vault', vault, '--state-dir', state], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((done) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/m.exec(out);
      if (match) done(match[0]);
    });
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [name, scene] of Object.entries(scenes)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
        await page.goto(url);
        await scene(page);
        const file = join(outDir, `${name}-${scheme}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
