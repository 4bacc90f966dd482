/**
 * `npm run bench -- terms-typing [--entries N] [--runs R]`: definitions in notes (#17) in the
 * running app with a dictionary-sized pack (default 120,000 entries), against the same app
 * with definitions turned off (the global preference), both with the pack and both measured
 * in this run:
 *
 * - typing: keydown → paint p95 in a 2,000-word note, on ÷ off ≤ 1.1× (typed in alternating
 *   blocks of 26 keys, as the packs bench does, so both apps see the same moments of a
 *   shared machine); between blocks the "on" app scans the changed block and repaints;
 * - the whole 20,000-word note through findTermsInBlocks over HTTP (the request, the scan,
 *   the answer, as the editor sends a note it opens): p50 ≤ 50 ms;
 * - memory: the servers' peak RSS; the difference is the matcher (the "off" server never
 *   builds it).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { prepareBenchPackCaches, writeBenchPack } from './generatePack';
import { generateLongNote } from './generateLongNote';
import { percentile, startApp, type BenchApp } from './startApp';
import { numberArgument } from './benchCli';

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

async function start(count: number, on: boolean, note: string): Promise<BenchApp> {
  return startApp({
    notes: { 'Scratch.md': `# Scratch\n\n${note}\n` },
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

async function main() {
  const count = argument('entries', 120_000);
  const runs = argument('runs', 1);
  const note = generateLongNote({ words: 2_000, seed: 7 });
  const longNote = generateLongNote({ words: 20_000, seed: 3 });
  const blocks = longNote.split(/\n\n/).filter((block) => block.length > 0);
  const rows: string[] = [];
  let missed = 0;
  for (let run = 0; run < runs; run++) {
    const on = await start(count, true, note);
    const off = await start(count, false, note).catch(async (error: unknown) => {
      await on.close();
      throw error;
    });
    try {
      for (const app of [on, off]) await openScratch(app);
      // The matcher built and the note's terms painted before anything is timed.
      const deadline = Date.now() + 120_000;
      while ((await underlined(on)) === 0) {
        if (Date.now() > deadline) throw new Error('no term was underlined within 2 minutes');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const painted = await underlined(on);
      const offPainted = await underlined(off);
      await on.waitForQuiet();
      await off.waitForQuiet();
      const keys: number[][] = [[], []];
      for (let block = 0; block < 8; block++)
        for (const [index, app] of [on, off].entries())
          keys[index]!.push(
            ...(await keyLatencies(app, () => app.page.keyboard.type(' the quick brown fox jumps', { delay: 70 }))),
          );
      const [onP95, offP95] = keys.map((latencies) => percentile(latencies, 95)) as [number, number];
      const ratio = onP95 / offP95;
      if (ratio > TYPING_RATIO_TARGET) missed++;

      const scans: number[] = [];
      let hits = 0;
      for (let n = 0; n < 7; n++) {
        const started = performance.now();
        const found = await on.call<{ blocks: unknown[][] }>('findTermsInBlocks', { blocks });
        scans.push(performance.now() - started);
        hits = found.blocks.reduce((sum, list) => sum + list.length, 0);
      }
      const scanP50 = percentile(scans, 50);
      if (scanP50 > SCAN_TARGET_MS) missed++;
      rows.push(
        `run ${run + 1}: typing p95 on ${onP95.toFixed(1)} ms, off ${offP95.toFixed(1)} ms, on ÷ off ${ratio.toFixed(2)} (≤ ${TYPING_RATIO_TARGET}) ${ratio <= TYPING_RATIO_TARGET ? 'ok' : 'MISSED'}; ` +
          `${painted} terms underlined on, ${offPainted} off`,
        `       findTermsInBlocks over HTTP, 20,000-word note (${blocks.length} blocks, ${hits} hits): p50 ${scanP50.toFixed(1)} ms, max ${Math.max(...scans).toFixed(1)} ms (≤ ${SCAN_TARGET_MS}) ${scanP50 <= SCAN_TARGET_MS ? 'ok' : 'MISSED'}`,
        `       server peak RSS: on ${rssMb(on).toFixed(0)} MB, off ${rssMb(off).toFixed(0)} MB`,
      );
    } finally {
      await on.close();
      await off.close();
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
