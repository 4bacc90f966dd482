/**
 * CPU per key typed in the rich note and in the empty note, from Chromium traces (issue #14):
 * the renderer main thread's thread time (`tdur`, what it ran on a core, without waiting for
 * one) over N keys, per key, in total and by event (self time), for one or more builds taken
 * in turn. On a loaded machine this is steadier than the wall-clock p95 of the rich bench.
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/richTypingCpu.ts [--keys N] [--rounds R] DIR…
 * (each DIR a folder holding a build's `out/`; default: this checkout).
 */
import { loadavg } from 'node:os';
import { optionNamed } from '../../e2e/pages/optionName';
import { openWithCaretInTheMiddle, richNote, writeFigures } from './richNoteBench';
import { type BenchApp, startApp } from './startApp';
import { stringArgument } from './benchCli';
import { mainThreadTimes, type TraceEvent } from './traceSummary';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Self CPU time by event, and the CPU of the main thread's tasks. */
function cpuByEvent(events: TraceEvent[]): { total: number; self: Map<string, number> } {
  const times = mainThreadTimes(events);
  if (!times) return { total: 0, self: new Map() };
  return { total: times.tasks.reduce((sum, task) => sum + (task.event.tdur ?? 0), 0), self: times.selfCpu };
}

async function typeTraced(
  app: BenchApp,
  title: string,
  keys: number,
): Promise<{ total: number; self: Map<string, number> }> {
  const page = app.page;
  await openWithCaretInTheMiddle(app, title);
  await app.browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'toplevel', 'v8.execute'],
  });
  const text = 'The cell cycle has four phases, and each one is checked before the next begins. '.repeat(
    Math.ceil(keys / 80) + 1,
  );
  for (const char of text.slice(0, keys)) {
    await page.keyboard.type(char);
    await sleep(50);
  }
  await app.waitForQuiet({ quietMs: 300 });
  const trace = await app.browser.stopTracing();
  const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return cpuByEvent(Array.isArray(parsed) ? parsed : parsed.traceEvents);
}

(async () => {
  const keys = Number(stringArgument('keys') ?? 100);
  const rounds = Number(stringArgument('rounds') ?? 1);
  const dirs = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && !all[i - 1]?.startsWith('--'));
  for (let round = 0; round < rounds; round++)
    for (const dir of dirs.length > 0 ? dirs : [undefined]) {
      const before = loadavg()[0]!.toFixed(1);
      const app = await startApp({ appDir: dir, notes: { 'Empty note.md': '', 'Rich note.md': richNote() } });
      try {
        writeFigures(app.vaultDir);
        for (const title of ['Rich note', 'Empty note', 'Rich note']) {
          await app.page
            .getByRole('listbox', { name: 'Notes' })
            .getByRole('option', { name: optionNamed(title) })
            .click();
          await app.page.getByRole('textbox', { name: `Note: ${title}` }).waitFor();
          await app.waitForQuiet({ quietMs: 500 });
        }
        const rich = await typeTraced(app, 'Rich note', keys);
        const empty = await typeTraced(app, 'Empty note', keys);
        const per = (us: number) => (us / 1000 / keys).toFixed(2);
        const names = [...rich.self.keys()]
          .map((name) => [name, (rich.self.get(name) ?? 0) - (empty.self.get(name) ?? 0)] as const)
          .sort((a, b) => b[1] - a[1])
          .slice(0, 14);
        console.log(
          `${dir ?? '.'} round ${round + 1} load ${before}: CPU a key rich ${per(rich.total)} ms, empty ${per(empty.total)} ms, difference ${per(rich.total - empty.total)} ms`,
        );
        for (const [name, diff] of names)
          console.log(
            `  ${per(diff).padStart(6)}  (${per(rich.self.get(name) ?? 0)} / ${per(empty.self.get(name) ?? 0)})  ${name}`,
          );
      } finally {
        await app.close();
      }
    }
})().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
