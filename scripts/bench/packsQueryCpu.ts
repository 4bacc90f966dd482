/**
 * `tsx --tsconfig tsconfig.tools.json scripts/bench/packsQueryCpu.ts [--entries N] [--app-dir DIR]`
 * (after `npm run build`): the packs bench's quick switcher, `[[` and search calls
 * (packsBench.ts, the same 50 queries), each timed by the CPU the server spent on it, from
 * /proc/<pid>/task/<tid>/schedstat (Linux only): all its threads, and its main thread alone.
 * Wall-clock figures on a loaded machine say more about the load than about the code (the
 * shipped glossary alone measured a 100 ms switcher p95 at a load of 15 on 2 cores); CPU
 * time does not wait for a core. Compare two builds with `--app-dir` (a folder holding
 * out/main/serve.js). `VERBOSE=1` prints each call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { prepareBenchPackCaches, writeBenchPack } from './generatePack';
import { queriesFrom } from './packsQueries';
import { startApp } from './startApp';
import { stringArgument, percentile } from './benchCli';

interface Cpu {
  all: number;
  main: number;
}

/** Nanoseconds the server's threads, and its main thread, have run on a CPU. */
function cpuOf(pid: number): Cpu {
  let all = 0;
  let main = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const ns = Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      all += ns;
      if (Number(tid) === pid) main = ns;
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return { all, main };
}

async function main() {
  const count = Number(stringArgument('entries') ?? 120_000);
  const app = await startApp({
    appDir: stringArgument('app-dir'),
    notes: { 'Scratch.md': '# Scratch\n\nA note to type in.\n' },
    prepareState: async (stateDir) => {
      writeBenchPack(stateDir, count);
      await prepareBenchPackCaches(stateDir);
    },
  });
  try {
    await app.page.getByRole('listbox', { name: 'Glossary' }).getByRole('option').first().waitFor({ timeout: 120_000 });
    for (;;) {
      const results = await app.call<{ status: { state: string } }>('search', { query: 'zzzz', limit: 1 });
      if (results.status.state === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // The name indexes build in the background after start; past the HTTP keep-alive (5 s), so
    // the next call opens a fresh connection instead of racing the server closing this one.
    await new Promise((resolve) => setTimeout(resolve, 7000));
    const queries = queriesFrom(count);
    const calls: Array<[string, (query: string) => unknown]> = [
      ['quickSwitch', (query) => ({ query, limit: 50 })],
      ['suggestLinkTargets', (query) => ({ query, limit: 8 })],
      ['search', (query) => ({ query, limit: 50 })],
    ];
    console.log(`${'call'.padEnd(20)}  server CPU ms: sum   p50   p95   max | main thread sum | wall p95`);
    for (const [method, args] of calls) {
      const all: number[] = [];
      const mainThread: number[] = [];
      const wall: number[] = [];
      for (const query of queries) {
        const before = cpuOf(app.serverPid);
        const started = performance.now();
        await app.call(method, args(query));
        wall.push(performance.now() - started);
        const after = cpuOf(app.serverPid);
        all.push((after.all - before.all) / 1e6);
        mainThread.push((after.main - before.main) / 1e6);
        if (process.env.VERBOSE) {
          console.log(
            `  ${method} ${JSON.stringify(query)}: ${all.at(-1)!.toFixed(1)} ms (main ${mainThread.at(-1)!.toFixed(1)})`,
          );
        }
      }
      const sum = (list: number[]) => list.reduce((a, b) => a + b, 0).toFixed(0);
      const fixed = (value: number) => value.toFixed(1).padStart(6);
      console.log(
        `${method.padEnd(20)}  ${sum(all).padStart(17)}${fixed(percentile(all, 50))}${fixed(percentile(all, 95))}${fixed(Math.max(...all))} | ${sum(mainThread).padStart(15)} | ${percentile(wall, 95).toFixed(0).padStart(5)} ms`,
      );
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
