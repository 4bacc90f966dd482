/**
 * `tsx --tsconfig tsconfig.tools.json scripts/bench/profileStartup.ts <prepared dir> [--profile <out dir>]`:
 * starts the built app on a copy of a state folder made by preparePackState.ts, as the packs
 * bench does, and prints what start-up took: server start → address, page open → notes list,
 * the page's API calls until then, and the server's peak RSS once the list is shown and once
 * search is ready. With `--profile`, the server runs under `node --cpu-prof` (its worker
 * threads too) and writes its profiles there on exit.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePackEntries, prepareBenchPackCaches, writeBenchPack } from './generatePack';
import { startApp } from './startApp';

function rss(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Math.round(Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1]) / 1024);
  return `VmRSS ${field('VmRSS')} MB, VmHWM ${field('VmHWM')} MB`;
}

/** CPU time (user + system, ms) of the server's main thread, of its other threads (workers, GC, libuv), and the total. */
function cpu(pid: number): string {
  const byName = new Map<string, number>();
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
      const name = task === String(pid) ? 'main' : 'others';
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      total += ms;
      byName.set(name, (byName.get(name) ?? 0) + ms);
    } catch {
      // The thread ended meanwhile.
    }
  }
  const top = [...byName].filter(([, ms]) => ms >= 50).sort((a, b) => b[1] - a[1]);
  return `CPU ${Math.round(total)} ms (${top.map(([name, ms]) => `${name} ${Math.round(ms)}`).join(', ')})`;
}

async function main() {
  const prepared = process.argv[2];
  if (!prepared) throw new Error('usage: profileStartup.ts <prepared dir> [--profile <out dir>]');
  const at = process.argv.indexOf('--profile');
  const nodeArgs: string[] = [];
  if (at >= 0) {
    nodeArgs.push(`--cpu-prof`, `--cpu-prof-dir=${process.argv[at + 1]}`);
    if (process.argv.includes('--trace-gc')) nodeArgs.push('--trace-gc');
    if (process.argv.includes('--heap')) nodeArgs.push('--heap-prof', `--heap-prof-dir=${process.argv[at + 1]}`);
  }
  // Made before the server starts: ten seconds here would outlast its keep-alive.
  const entries = process.argv.includes('--queries') ? generatePackEntries(120_000) : [];
  const queries = ['bank', 'b', 'ba', 'st', 'cl'];
  for (let n = 0; n < 45 && entries.length > 0; n++) {
    const entry = entries[Math.floor((n * 7919) % entries.length)]!;
    const [first = entry.title, second = ''] = entry.definition.toLowerCase().match(/[a-z]{5,}/g) ?? [];
    queries.push([entry.title.slice(0, 3), entry.title, `${first}s ${second}`][n % 3]!);
  }
  // The server's resident memory every 25 ms from its spawn: when its peak happens.
  const samples: Array<{ at: number; mb: number }> = [];
  let sampler: NodeJS.Timeout | undefined;
  const spawned = performance.now();
  const appDirAt = process.argv.indexOf('--app-dir');
  const app = await startApp({
    // --app-dir <folder>: another build (of an older commit, say), to compare.
    appDir: appDirAt >= 0 ? process.argv[appDirAt + 1] : undefined,
    nodeArgs,
    onSpawn: (pid) => {
      sampler = setInterval(() => {
        try {
          const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
          samples.push({ at: performance.now() - spawned, mb: Math.round(kb / 1024) });
        } catch {
          clearInterval(sampler);
        }
      }, 25);
    },
    notes: { 'Scratch.md': '# Scratch\n\nA note to type in.\n' },
    // --fresh: the pack written and its caches made in this process right before, as the packs bench does.
    prepareState: process.argv.includes('--fresh')
      ? async (stateDir) => {
          writeBenchPack(stateDir, 120_000);
          await prepareBenchPackCaches(stateDir);
        }
      : (stateDir) => cpSync(join(prepared, 'state'), stateDir, { recursive: true, preserveTimestamps: true }),
  });
  try {
    console.log(`address ${Math.round(app.addressMs)} ms, window ${Math.round(app.windowMs)} ms`);
    console.log(`at notes list: ${rss(app.serverPid)}; ${cpu(app.serverPid)}`);
    if (process.argv.includes('--rss')) {
      const step = Math.max(1, Math.floor(samples.length / 40));
      console.log(
        samples
          .filter((_, n) => n % step === 0)
          .map(({ at, mb }) => `${Math.round(at)}:${mb}`)
          .join(' '),
      );
    }
    const probe = await app.probe();
    for (const call of probe.calls) {
      console.log(`  ${call.method.padEnd(24)} ${Math.round(call.start)}–${Math.round(call.end)} ms`);
    }
    const started = performance.now();
    for (;;) {
      const results = await app.call<{ status: { state: string } }>('search', { query: 'zzzz', limit: 1 });
      if (results.status.state === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(
      `search ready ${Math.round(performance.now() - started)} ms after the list; ${rss(app.serverPid)}; ${cpu(app.serverPid)}`,
    );
    if (!process.argv.includes('--queries')) return;
    // What the packs bench asks next (see queriesFrom there), the memory after each kind.
    const filter = app.page.getByRole('searchbox', { name: 'Filter glossary' });
    for (const text of ['bank', 'stra', 'clo']) {
      await filter.click();
      await filter.pressSequentially(text, { delay: 60 });
      await filter.press('Escape');
    }
    await app.waitForQuiet({ quietMs: 300 });
    console.log(`after filtering: ${rss(app.serverPid)}`);
    for (const [method, limit] of [
      ['quickSwitch', 50],
      ['suggestLinkTargets', 8],
      ['search', 50],
    ] as const) {
      const began = performance.now();
      for (const query of queries) await app.call(method, { query, limit });
      console.log(`after ${method} (${Math.round(performance.now() - began)} ms): ${rss(app.serverPid)}`);
    }
  } finally {
    clearInterval(sampler);
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
