/**
 * Where a page's main thread spends its time, for the browser benchmarks' `--trace DIR`
 * option: a Chromium performance trace (the DevTools timeline's events) and a sampled
 * JavaScript CPU profile of the same stretch, saved for DevTools and summed up as text:
 * the renderer main thread's self time by event (script, style, layout, paint,
 * IntersectionObserver…), its longest tasks with what filled them, and the JavaScript
 * functions with the most self time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'blink.user_timing',
  'v8.execute',
  'toplevel',
];

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time: what the event ran on its core, without the time it waited for one. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    elementCount?: number;
    data?: { functionName?: string; url?: string };
    beginData?: { dirtyObjects?: number; totalObjects?: number };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A recording in progress: `stop` ends it, saves both files under `dir` and returns the summary. */
export interface Recording {
  stop(): Promise<string>;
}

/** Starts tracing `page` (one trace at a time per browser) and sampling its JavaScript. */
export async function record(browser: Browser, page: Page, dir: string, name: string): Promise<Recording> {
  const client: CDPSession = await page.context().newCDPSession(page);
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: 200 });
  await browser.startTracing(page, { categories: CATEGORIES, screenshots: false });
  await client.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await client.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      const trace = await browser.stopTracing();
      await client.detach();
      writeFileSync(join(dir, `${name}.trace.json`), trace);
      writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
      const parsed = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
      const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
      return `--- ${name}\n${summarizeTrace(events)}\n${summarizeProfile(profile)}`;
    },
  };
}

const ms = (us: number) => `${(us / 1000).toFixed(1)} ms`;

/** One trace's busiest renderer main thread: its events, its tasks, and self time by event. */
export interface MainThreadTimes {
  /** Its complete events, in order (an event before those inside it). */
  own: TraceEvent[];
  /** Its top-level tasks, each with the self time of what ran in it, by event. */
  tasks: Array<{ event: TraceEvent; parts: Map<string, number> }>;
  /** Self wall time by event (a FunctionCall by its function's name). */
  self: Map<string, number>;
  /** Self CPU time likewise: on a loaded machine a task's wall time includes waiting for a core. */
  selfCpu: Map<string, number>;
}

/** The renderer main thread that did the most, and where its time went; null if the trace has none. */
export function mainThreadTimes(events: TraceEvent[]): MainThreadTimes | null {
  const mains = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const busy = new Map<string, number>();
  for (const e of events)
    if (e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`))
      busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return null;
  const own = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === main && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const label = (e: TraceEvent) =>
    e.name === 'FunctionCall' && e.args?.data?.functionName ? `FunctionCall ${e.args.data.functionName}` : e.name;
  // Self time: an event's duration less that of the events directly inside it; CPU likewise.
  const self = new Map<string, number>();
  const selfCpu = new Map<string, number>();
  const tasks: MainThreadTimes['tasks'] = [];
  const stack: Array<{
    event: TraceEvent;
    children: number;
    childrenCpu: number;
    task: (typeof tasks)[number] | null;
  }> = [];
  const close = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.event.ts + stack[stack.length - 1]!.event.dur! <= until) {
      const done = stack.pop()!;
      const time = done.event.dur! - done.children;
      const name = label(done.event);
      self.set(name, (self.get(name) ?? 0) + time);
      selfCpu.set(name, (selfCpu.get(name) ?? 0) + (done.event.tdur ?? 0) - done.childrenCpu);
      const task = stack.find((s) => s.task)?.task ?? done.task;
      if (task) task.parts.set(name, (task.parts.get(name) ?? 0) + time);
    }
  };
  for (const e of own) {
    close(e.ts);
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children += e.dur!;
      parent.childrenCpu += e.tdur ?? 0;
    }
    const isTask = e.name === 'RunTask' && !stack.some((s) => s.task);
    const task = isTask ? { event: e, parts: new Map<string, number>() } : null;
    if (task) tasks.push(task);
    stack.push({ event: e, children: 0, childrenCpu: 0, task });
  }
  close(Infinity);
  return { own, tasks, self, selfCpu };
}

/** The renderer main thread that did the most: self time by event, and the longest tasks. */
export function summarizeTrace(events: TraceEvent[], top = 18): string {
  const times = mainThreadTimes(events);
  if (!times) return '(no renderer main thread in the trace)';
  const { own, tasks, self, selfCpu } = times;
  const total = tasks.reduce((sum, t) => sum + t.event.dur!, 0);
  const totalCpu = tasks.reduce((sum, t) => sum + (t.event.tdur ?? 0), 0);
  const styles = own.filter((e) => e.name === 'UpdateLayoutTree');
  const layouts = own.filter((e) => e.name === 'Layout');
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const lines = [
    `main thread busy ${ms(total)} (CPU ${ms(totalCpu)}) in ${tasks.length} tasks`,
    `style recalcs: ${styles.length}, ${sum(styles.map((e) => e.args?.elementCount ?? 0))} elements, ${ms(sum(styles.map((e) => e.dur!)))}; ` +
      `layouts: ${layouts.length}, ${sum(layouts.map((e) => e.args?.beginData?.dirtyObjects ?? 0))} dirty of ` +
      `${sum(layouts.map((e) => e.args?.beginData?.totalObjects ?? 0))} objects, ${ms(sum(layouts.map((e) => e.dur!)))}`,
    'self time by event (wall, CPU):',
  ];
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${ms(time).padStart(10)} ${ms(selfCpu.get(name) ?? 0).padStart(10)}  ${name}`);
  const longest = [...tasks].sort((a, b) => b.event.dur! - a.event.dur!).slice(0, 6);
  lines.push('longest tasks:');
  for (const task of longest) {
    const parts = [...task.parts]
      .filter(([name]) => name !== 'RunTask')
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, time]) => `${name} ${ms(time)}`)
      .join(', ');
    lines.push(`  ${ms(task.event.dur!).padStart(10)} (CPU ${ms(task.event.tdur ?? 0)}): ${parts}`);
  }
  return lines.join('\n');
}

/** The JavaScript functions with the most self time in a CPU profile. */
export function summarizeProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.replace(/^.*\//, '');
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const lines = ['JavaScript self time (sampled):'];
  for (const [name, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${ms(time).padStart(10)}  ${name}`);
  return lines.join('\n');
}

if (require.main === module) {
  // npx tsx scripts/bench/traceSummary.ts FILE.trace.json [FILE.cpuprofile]
  const [tracePath, profilePath] = process.argv.slice(2);
  if (tracePath) {
    const parsed = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    console.log(summarizeTrace(Array.isArray(parsed) ? parsed : parsed.traceEvents, 30));
  }
  if (profilePath) console.log(summarizeProfile(JSON.parse(readFileSync(profilePath, 'utf8')) as CpuProfile, 40));
}
