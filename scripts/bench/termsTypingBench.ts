/**
 * `npm run bench -- terms-typing [--entries N] [--runs R] [--blocks B]`: definitions in notes
 * (#17) in the running app with a dictionary-sized pack (default 120,000 entries), turned on
 * and off (the global preference, through the command palette) in the same page:
 *
 * - typing: keydown → paint p95 in a 2,000-word note, on ÷ off ≤ 1.1×, typed in alternating
 *   blocks of 26 keys (B per side, default 10), so both sides see the same moments of a
 *   shared machine, in the same browser and server (two apps, two browsers, differed by
 *   up to 2× between themselves on a loaded machine); each "on" block starts after the
 *   note's scan and paint, and its own changed block is scanned after each pause;
 * - the whole 20,000-word note through findTermsInBlocks over HTTP (the request, the scan,
 *   the answer, as the editor sends a note it opens): p50 ≤ 50 ms;
 * - memory: the server's peak RSS with the matcher built (docs/term-detection.md compares
 *   it with a server whose definitions are off, which never builds it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareBenchPackCaches, writeBenchPack } from './generatePack';
import { generateLongNote } from './generateLongNote';
import { startApp, type BenchApp } from './startApp';
import { numberArgument, percentile } from './benchCli';
import { CommandPalette } from '../../e2e/pages/CommandPalette';

/** TermDefinitionsPlugin's User Timing measure of a scan (SCAN_MEASURE there: that module imports CSS). */
const SCAN_MEASURE = 'glossary-terms-scan';

const TYPING_RATIO_TARGET = 1.1;
const SCAN_TARGET_MS = 50;

function argument(name: string, fallback: number): number {
  const value = numberArgument(name) ?? NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function keyLatencies(app: BenchApp, type: () => Promise<void>): Promise<number[]> {
  const before = (await app.probe()).keys.length;
  await type();
  await app.waitForQuiet({ quietMs: 300 });
  const keys = (await app.probe()).keys.slice(before);
  return keys.filter((key) => key.paint > 0).map((key) => key.paint - key.down);
}

function underlined(app: BenchApp): Promise<number> {
  return app.page.evaluate(() => CSS.highlights.get('glossary-term')?.size ?? 0);
}

async function start(count: number, on: boolean, note: string, longNote: string): Promise<BenchApp> {
  return startApp({
    notes: { 'Scratch.md': `# Scratch\n\n${note}\n`, 'Long.md': `${longNote}\n` },
    prepareState: async (stateDir) => {
      writeBenchPack(stateDir, count);
      await prepareBenchPackCaches(stateDir);
      if (!on) writeFileSync(join(stateDir, 'settings.json'), `${JSON.stringify({ termDefinitions: 'off' })}\n`);
    },
  });
}

async function openScratch(app: BenchApp): Promise<void> {
  const { page } = app;
  await page
    .getByRole('listbox', { name: 'Notes' })
    .getByRole('option', { name: /Scratch/ })
    .click();
  await page.getByRole('textbox', { name: 'Note: Scratch' }).click();
  await page.keyboard.press('ControlOrMeta+End');
}

function rssMb(app: BenchApp): number {
  const status = readFileSync(`/proc/${app.serverPid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

/** Turns definitions in notes on or off through the command palette, as a user would. */
/** Whether definitions are on in each app's page (they start on). */
const definitionsOn = new WeakMap<BenchApp, boolean>();

async function switchDefinitions(app: BenchApp, on: boolean, note = 'Scratch'): Promise<void> {
  if ((definitionsOn.get(app) ?? true) === on) return;
  definitionsOn.set(app, on);
  const { page } = app;
  const palette = new CommandPalette(page);
  const title = on ? 'Turn definitions in notes on' : 'Turn definitions in notes off';
  await palette.open();
  await palette.field.fill(title);
  await palette.command(`View: ${title}`).click();
  const deadline = Date.now() + 60_000;
  while ((await underlined(app)) > 0 !== on) {
    if (Date.now() > deadline) throw new Error(`definitions did not turn ${on ? 'on' : 'off'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Back in the note, at its end, and the page quiet (the note's scan and paint done).
  await page.getByRole('textbox', { name: `Note: ${note}` }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await app.waitForQuiet({ quietMs: 500 });
}

async function main() {
  const count = argument('entries', 120_000);
  const runs = argument('runs', 1);
  const blocksPerSide = argument('blocks', 10);
  const note = generateLongNote({ words: 2_000, seed: 7 });
  const longNote = generateLongNote({ words: 20_000, seed: 3 });
  const blocks = longNote.split(/\n\n/).filter((block) => block.length > 0);
  const rows: string[] = [];
  let missed = 0;
  for (let run = 0; run < runs; run++) {
    const app = await start(count, true, note, longNote);
    try {
      await openScratch(app);
      // The matcher built and the note's terms painted before anything is timed.
      const deadline = Date.now() + 120_000;
      while ((await underlined(app)) === 0) {
        if (Date.now() > deadline) throw new Error('no term was underlined within 2 minutes');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const painted = await underlined(app);
      await app.waitForQuiet();
      // One app, one page: blocks of 26 keys with definitions on, then off, and so on.
      const keys: number[][] = [[], []];
      for (let block = 0; block < blocksPerSide; block++) {
        for (const on of [true, false]) {
          await switchDefinitions(app, on);
          keys[on ? 0 : 1]!.push(
            ...(await keyLatencies(app, () => app.page.keyboard.type(' the quick brown fox jumps', { delay: 70 }))),
          );
        }
      }
      const [onP95, offP95] = keys.map((latencies) => percentile(latencies, 95)) as [number, number];
      const ratio = onP95 / offP95;
      if (ratio > TYPING_RATIO_TARGET) missed++;
      await switchDefinitions(app, true);

      // The whole 20,000-word note in the page, end to end: its blocks' text, the calls, the paint.
      await app.page.getByRole('listbox', { name: 'Notes' }).getByRole('option', { name: /Long/ }).click();
      await app.page.getByRole('textbox', { name: 'Note: Long' }).waitFor();
      await app.waitForQuiet({ quietMs: 1_000 });
      const pageScans: number[] = [];
      for (let n = 0; n < 5; n++) {
        await app.page.evaluate((name) => performance.clearMeasures(name), SCAN_MEASURE);
        await switchDefinitions(app, false, 'Long');
        await switchDefinitions(app, true, 'Long');
        pageScans.push(
          await app.page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration ?? NaN, SCAN_MEASURE),
        );
      }
      const pageScanP50 = percentile(pageScans, 50);
      if (!(pageScanP50 <= SCAN_TARGET_MS)) missed++;

      const scans: number[] = [];
      let hits = 0;
      for (let n = 0; n < 7; n++) {
        const started = performance.now();
        const found = await app.call<{ blocks: unknown[][] }>('findTermsInBlocks', { blocks });
        scans.push(performance.now() - started);
        hits = found.blocks.reduce((sum, list) => sum + list.length, 0);
      }
      const scanP50 = percentile(scans, 50);
      if (scanP50 > SCAN_TARGET_MS) missed++;
      rows.push(
        `run ${run + 1}: typing p95 on ${onP95.toFixed(1)} ms, off ${offP95.toFixed(1)} ms (p50 ${percentile(keys[0]!, 50).toFixed(1)} / ${percentile(keys[1]!, 50).toFixed(1)}), on ÷ off ${ratio.toFixed(2)} (≤ ${TYPING_RATIO_TARGET}) ${ratio <= TYPING_RATIO_TARGET ? 'ok' : 'MISSED'}; ` +
          `${painted} terms underlined, ${keys[0]!.length} + ${keys[1]!.length} keys`,
        `       findTermsInBlocks over HTTP, 20,000-word note (${blocks.length} blocks, ${hits} hits): p50 ${scanP50.toFixed(1)} ms, max ${Math.max(...scans).toFixed(1)} ms (≤ ${SCAN_TARGET_MS}) ${scanP50 <= SCAN_TARGET_MS ? 'ok' : 'MISSED'}`,
        `       the same note opened in the page, end to end (blocks' text, calls, paint): p50 ${pageScanP50.toFixed(1)} ms, max ${Math.max(...pageScans).toFixed(1)} ms (≤ ${SCAN_TARGET_MS}) ${pageScanP50 <= SCAN_TARGET_MS ? 'ok' : 'MISSED'}`,
        `       server peak RSS: ${rssMb(app).toFixed(0)} MB (matcher built)`,
      );
    } finally {
      await app.close();
    }
  }
  console.log(`Definitions in notes with a ${count.toLocaleString('en')}-entry pack, on vs off (${runs} run(s))\n`);
  console.log(rows.join('\n'));
  if (missed > 0) {
    console.log(`\n${missed} target(s) missed.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
