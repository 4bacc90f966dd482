/**
 * The large-input benchmark (issue: hardening, "Large input"). The built app runs on a
 * temporary vault; real Chromium drives it through Playwright, and the page itself
 * measures (startApp's probe: long tasks, API calls, clicks). Cases:
 *
 * - notes: 190,000 words of realistic Markdown (generateLongNote, about 1.4 MB); 1.6
 *   million `<` on one line; 50,000 `[[` on one line; one 100,000-character token;
 * - pastes into an open note: 500 KB of text/plain, and 500 KB of text/html (headings,
 *   paragraphs with bold, italic and links, lists), each as a synthetic ClipboardEvent
 *   carrying a DataTransfer, the way the browser delivers a paste.
 *
 * For a note: index = createNote through the HTTP API until `search` finds a word unique
 * to the note (from Node); then, in a fresh page, render = the click on the note in the
 * notes list until its first block is painted; complete = until its last block is in the
 * editor; load = until the page is quiet (no long task, no late 20 ms heartbeat, no API
 * call in flight for 500 ms). Closing it again (opening a small note) is watched too.
 * For a paste: render = paste event until the last pasted block is painted; save = until
 * the autosave's request has been answered (the 600 ms autosave delay included); index =
 * until `search` finds the last pasted word. For both: the longest main-thread task and
 * the total blocking time (the part of each long task over 50 ms), from the action until
 * quiet.
 *
 * Targets (each case): every time ≤ 2 s, and no main-thread task over 200 ms.
 *
 * Needs the built app (`npx electron-vite build`) and a Chromium (see e2e/fixtures/findChromium).
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/largeInputBench.ts [--cases a,b] [--app DIR] [--profile DIR] [--trace DIR] [--json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { createRandom, makeVocabulary } from './generateVault';
import { generateLongNote } from './generateLongNote';
import { type BenchApp, type LongFrame, type PageProbe, startApp } from './startApp';
import { record } from './traceSummary';
import { optionNamed } from '../../e2e/pages/optionName';
import { formatTable, stringArgument } from './benchCli';

export interface LargeInputOptions {
  /** Case names to run (see CASES). Default: all. */
  cases?: string[];
  /** Longest a case may take before it is reported as timed out. Default 120 s. */
  caseTimeoutMs?: number;
  /** The built app to measure (see StartAppOptions.appDir). Default: this checkout. */
  appDir?: string;
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
  /**
   * A folder to write each case's page CPU profile to (`<case title>.cpuprofile`, from the
   * action until quiet; open it in Chrome's DevTools, Performance panel). Default: none.
   */
  profileDir?: string;
  /**
   * A folder to write each case's Chromium trace and CPU profile to, with a summary of the
   * main thread's time (script, style, layout, paint) in the log (see traceSummary). Default: none.
   */
  traceDir?: string;
}

export interface LargeInputRow {
  name: string;
  /** Size of the input, e.g. "1.6 MB". */
  size: string;
  /** Click (or paste) → its content painted. */
  render?: number;
  /** Click → the last block of the note in the editor. */
  complete?: number;
  /** Click → the page quiet. */
  load?: number;
  /** Paste → the autosave answered. */
  save?: number;
  /** Written → found by search. */
  index?: number;
  /** Longest main-thread task from the action until quiet (closing the note included). */
  longestTask: number;
  /** Σ (long task − 50 ms) over the same span. */
  blocking: number;
  ok: boolean;
  detail?: string;
  /** The long animation frames of the same span, with what ran in them (see PageProbe.frames). */
  frames?: LongFrame[];
}

/** Every time must stay within this. */
const TIME_TARGET_MS = 2000;
/** No main-thread task may run longer. */
const TASK_TARGET_MS = 200;

interface NoteCase {
  kind: 'note';
  name: string;
  title: string;
  /** Words unique to the note, at its start and its end. */
  first: string;
  last: string;
  body: () => string;
}

interface PasteCase {
  kind: 'paste';
  name: string;
  title: string;
  last: string;
  data: () => { plain: string; html?: string };
}

type Case = NoteCase | PasteCase;

const CASES: Case[] = [
  {
    kind: 'paste',
    name: 'paste 500 KB text/plain',
    title: 'Paste plain',
    last: 'qzxplainend',
    data: () => ({ plain: plainText(500_000, 'qzxplainstart', 'qzxplainend') }),
  },
  {
    kind: 'paste',
    name: 'paste 500 KB text/html',
    title: 'Paste html',
    last: 'qzxhtmlend',
    data: () => {
      const html = htmlText(500_000, 'qzxhtmlstart', 'qzxhtmlend');
      return { html, plain: html.replace(/<[^>]*>/g, ' ') };
    },
  },
  {
    kind: 'note',
    name: 'note of 190,000 words',
    title: 'Words',
    first: 'qzxwordsstart',
    last: 'qzxwordsend',
    body: () => generateLongNote({ words: 190_000, seed: 5 }),
  },
  {
    kind: 'note',
    name: '1.6 million `<`',
    title: 'Angles',
    first: 'qzxanglesstart',
    last: 'qzxanglesend',
    body: () => `${'<'.repeat(1_600_000)}\n`,
  },
  {
    kind: 'note',
    name: '50,000 `[[`',
    title: 'Brackets',
    first: 'qzxbracketsstart',
    last: 'qzxbracketsend',
    body: () => `${'[['.repeat(50_000)}\n`,
  },
  {
    kind: 'note',
    name: 'one 100,000-character token',
    title: 'Token',
    first: 'qzxtokenstart',
    last: 'qzxtokenend',
    body: () => `${token(100_000)}\n`,
  },
];

/** Runs the benchmark and returns its rows (see module doc). */
export async function run(options: LargeInputOptions = {}): Promise<LargeInputRow[]> {
  const log = options.log ?? (() => undefined);
  const wanted = options.cases;
  const cases = wanted ? CASES.filter((c) => wanted.some((w) => c.name.includes(w) || c.title === w)) : CASES;
  if (cases.length === 0) throw new Error(`No such case. Cases: ${CASES.map((c) => c.title).join(', ')}`);
  const app = await startApp({ appDir: options.appDir, notes: { 'Scratch.md': '# Scratch\n\nA small note.\n' } });
  const rows: LargeInputRow[] = [];
  try {
    for (const testCase of cases) {
      log(`${testCase.name}…`);
      const page = await app.openPage();
      try {
        const profile = options.profileDir ? await startProfile(page) : null;
        const trace = options.traceDir ? await record(app.browser, page, options.traceDir, testCase.title) : null;
        const row = await withTimeout(
          testCase.kind === 'note' ? noteCase(app, page, testCase) : pasteCase(app, page, testCase),
          options.caseTimeoutMs ?? 120_000,
        );
        if (profile) await profile.stop(join(options.profileDir!, `${testCase.title}.cpuprofile`));
        if (trace) log(await trace.stop());
        for (const frame of [...(row.frames ?? [])].sort((a, b) => b.duration - a.duration).slice(0, 3)) {
          const scripts = frame.scripts.map((s) => `${s.invoker} → ${s.source} ${s.duration} ms (layout ${s.layout})`);
          log(`  long frame ${Math.round(frame.duration)} ms, render ${frame.render} ms; ${scripts.join('; ')}`);
        }
        rows.push(row);
      } catch (error) {
        rows.push({
          name: testCase.name,
          size: '',
          longestTask: NaN,
          blocking: NaN,
          ok: false,
          detail: error instanceof Error ? error.message.split('\n')[0] : String(error),
        });
      } finally {
        await withTimeout(page.context().close(), 30_000).catch(() => undefined);
      }
    }
    return rows;
  } finally {
    await app.close();
  }
}

async function noteCase(app: BenchApp, page: Page, spec: NoteCase): Promise<LargeInputRow> {
  const content = `${spec.first}\n\n${spec.body()}\n${spec.last}\n`;
  // Index: written through the API until search finds the note.
  const written = performance.now();
  const note = await app.call<{ path: string }>('createNote', { title: spec.title, content });
  const index = (await untilFound(app, spec.last, note.path)) - written;

  const option = page.getByRole('listbox', { name: 'Notes' }).getByRole('option', { name: optionNamed(spec.title) });
  await option.waitFor();
  await app.waitForQuiet({ page });
  const editorSelector = `[aria-label="Note: ${spec.title}"]`;
  await watch(page, editorSelector, [
    ['first', spec.first, 'first'],
    ['last', spec.last, 'last'],
  ]);
  await option.click();
  const marks = await watched(page);
  const quietAt = await app.waitForQuiet({ page, timeoutMs: 120_000 });
  const probe = await app.probe(page);
  const clicked = probe.clicks[probe.clicks.length - 1]!;
  const loaded = Math.max(quietAt, marks.first!.painted, marks.last!.seen);
  const openTasks = tasksBetween(probe, clicked, loaded);

  // Switching away from the note: its editor is torn down.
  await page
    .getByRole('listbox', { name: 'Notes' })
    .getByRole('option', { name: optionNamed('Scratch') })
    .click();
  await page.getByRole('textbox', { name: 'Note: Scratch' }).waitFor({ timeout: 60_000 });
  const closedAt = await app.waitForQuiet({ page, timeoutMs: 120_000 });
  const after = await app.probe(page);
  const closeTasks = tasksBetween(after, after.clicks[after.clicks.length - 1]!, closedAt);

  const times = {
    render: marks.first!.painted - clicked,
    complete: marks.last!.seen - clicked,
    load: loaded - clicked,
    index,
  };
  const longestTask = Math.max(openTasks.longest, closeTasks.longest);
  return {
    frames: [...framesBetween(probe, clicked, loaded), ...framesBetween(after, after.clicks.at(-1)!, closedAt)],
    name: spec.name,
    size: megabytes(content.length),
    ...times,
    longestTask,
    blocking: openTasks.blocking + closeTasks.blocking,
    ok: Object.values(times).every((t) => t <= TIME_TARGET_MS) && longestTask <= TASK_TARGET_MS,
    detail: `longest task opening ${openTasks.longest.toFixed(0)} ms, closing ${closeTasks.longest.toFixed(0)} ms`,
  };
}

async function pasteCase(app: BenchApp, page: Page, spec: PasteCase): Promise<LargeInputRow> {
  const note = await app.call<{ path: string }>('createNote', { title: spec.title, content: '' });
  const option = page.getByRole('listbox', { name: 'Notes' }).getByRole('option', { name: optionNamed(spec.title) });
  await option.click();
  const editor = page.getByRole('textbox', { name: `Note: ${spec.title}` });
  await editor.click();
  await app.waitForQuiet({ page });
  const data = spec.data();
  await watch(page, `[aria-label="Note: ${spec.title}"]`, [['last', spec.last, 'last']]);
  const pasted = await page.evaluate(
    `((data) => {
      const dataTransfer = new DataTransfer();
      if (data.html) dataTransfer.setData('text/html', data.html);
      dataTransfer.setData('text/plain', data.plain);
      const event = new ClipboardEvent('paste', { clipboardData: dataTransfer, bubbles: true, cancelable: true });
      const started = performance.now();
      document.activeElement.dispatchEvent(event);
      return started;
    })(${JSON.stringify(data)})`,
  );
  const started = pasted as number;
  const marks = await watched(page);
  // The autosave of the pasted text, then search finding its last word (polled from the page, same clock).
  const found = (await page.evaluate(
    `(async () => {
      const bench = window.__bench;
      const t0 = performance.now();
      for (;;) {
        if (performance.now() - t0 > 60000) throw new Error('not saved and found within 60 s');
        const save = bench.calls.find((c) => c.method === 'saveNote' && c.start > ${started} && c.end > 0 && c.bytes > 100000);
        if (save) {
          const response = await fetch('/api/call', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ method: 'search', args: { query: ${JSON.stringify(spec.last)}, scope: 'notes', limit: 5 } }),
          });
          const envelope = await response.json();
          if (envelope.ok && envelope.value.hits.some((hit) => hit.ref.path === ${JSON.stringify(note.path)})) {
            return { sent: save.start, saved: save.end, found: performance.now() };
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })()`,
  )) as { sent: number; saved: number; found: number };
  const quietAt = await app.waitForQuiet({ page, timeoutMs: 120_000 });
  const probe = await app.probe(page);
  const tasks = tasksBetween(probe, started, Math.max(quietAt, found.found));
  const times = { render: marks.last!.painted - started, save: found.saved - started, index: found.found - started };
  return {
    frames: framesBetween(probe, started, Math.max(quietAt, found.found)),
    name: spec.name,
    size: megabytes(data.html?.length ?? data.plain.length),
    ...times,
    longestTask: tasks.longest,
    blocking: tasks.blocking,
    ok: Object.values(times).every((t) => t <= TIME_TARGET_MS) && tasks.longest <= TASK_TARGET_MS,
    detail: `save sent at ${(found.sent - started).toFixed(0)} ms; ${tasks.count} long tasks`,
  };
}

/**
 * Installs watchers in the page: each resolves once the editor's first (or last) top-level
 * block contains `text`, with when that was seen and when the frame after it was painted.
 */
async function watch(page: Page, editor: string, marks: Array<[string, string, 'first' | 'last']>): Promise<void> {
  await page.evaluate(
    `(() => {
      const marks = ${JSON.stringify(marks)};
      window.__marks = Promise.all(marks.map(([name, text, where]) => new Promise((resolve) => {
        const found = () => {
          const root = document.querySelector(${JSON.stringify(editor)});
          if (!root) return false;
          const blocks = where === 'first' ? [root.firstElementChild] : [root.lastElementChild, root.lastElementChild?.previousElementSibling];
          return blocks.some((block) => block && block.textContent.includes(text));
        };
        const done = () => {
          observer.disconnect();
          const seen = performance.now();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve([name, { seen, painted: performance.now() }]);
            channel.port2.postMessage(0);
          });
        };
        const observer = new MutationObserver(() => found() && done());
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }))).then((entries) => Object.fromEntries(entries));
    })()`,
  );
}

function watched(page: Page): Promise<Record<string, { seen: number; painted: number }>> {
  return page.evaluate('window.__marks');
}

/** The longest task and the total blocking time of the long tasks overlapping [from, to]. */
function tasksBetween(
  probe: PageProbe,
  from: number,
  to: number,
): { longest: number; blocking: number; count: number } {
  const tasks = probe.longTasks.filter((task) => task.start + task.duration >= from && task.start <= to);
  return {
    longest: Math.max(0, ...tasks.map((task) => task.duration)),
    blocking: tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    count: tasks.length,
  };
}

/** Starts the page's JavaScript sampling profiler (Chrome DevTools Protocol); `stop` writes what it recorded. */
async function startProfile(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = await session.send('Profiler.stop');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      await session.detach();
    },
  };
}

function framesBetween(probe: PageProbe, from: number, to: number): LongFrame[] {
  return (probe.frames ?? []).filter((frame) => frame.start + frame.duration >= from && frame.start <= to);
}

/** Polls search until a hit for `path` comes back; returns when (performance.now()). */
async function untilFound(app: BenchApp, word: string, path: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const results = await app.call<{ hits: Array<{ ref: { path?: string } }> }>('search', {
      query: word,
      scope: 'notes',
      limit: 5,
    });
    if (results.hits.some((hit) => hit.ref.path === path)) return performance.now();
    if (performance.now() - started > 60_000) throw new Error(`search did not find ${path} within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Lines of prose (one paragraph each) of about `size` characters between two marker words. */
function plainText(size: number, first: string, last: string): string {
  const random = createRandom(11);
  const vocabulary = makeVocabulary(3_000, random);
  const lines = [`${first} pasted text begins.`];
  let length = lines[0]!.length;
  while (length < size) {
    const words = Array.from({ length: 20 + Math.floor(random() * 80) }, () => vocabulary[Math.floor(random() * 800)]!);
    const line = `${words.join(' ')}.`;
    lines.push(line);
    length += line.length + 1;
  }
  lines.push(`${last}`);
  return lines.join('\n');
}

/** HTML as a web page would put it on the clipboard: headings, paragraphs with bold, italic and links, lists. */
function htmlText(size: number, first: string, last: string): string {
  const random = createRandom(13);
  const vocabulary = makeVocabulary(3_000, random);
  const word = () => vocabulary[Math.floor(random() * 800)]!;
  const inline = (count: number) =>
    Array.from({ length: count }, () => {
      const roll = random();
      const w = word();
      if (roll < 0.04) return `<b>${w}</b>`;
      if (roll < 0.07) return `<i>${w}</i>`;
      if (roll < 0.09) return `<a href="https://example.org/${w}">${w}</a>`;
      return w;
    }).join(' ');
  const parts = [`<meta charset="utf-8"><p>${first} pasted page begins.</p>`];
  let length = parts[0]!.length;
  let section = 0;
  while (length < size) {
    const roll = random();
    let part: string;
    if (roll < 0.1) part = `<h2>Section ${++section}: ${inline(3)}</h2>`;
    else if (roll < 0.25) {
      part = `<ul>${Array.from({ length: 4 }, () => `<li>${inline(8)}</li>`).join('')}</ul>`;
    } else part = `<p style="margin:0 0 1em">${inline(40 + Math.floor(random() * 60))}</p>`;
    parts.push(part);
    length += part.length;
  }
  parts.push(`<p>${last}</p>`);
  return parts.join('\n');
}

/** One word of `length` letters (deterministic). */
function token(length: number): string {
  const random = createRandom(17);
  let out = '';
  while (out.length < length) out += String.fromCharCode(97 + Math.floor(random() * 26));
  return out;
}

function megabytes(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.round(chars / 1000)} KB`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The rows as a text table. */
export function formatRows(rows: LargeInputRow[]): string {
  const ms = (value: number | undefined) =>
    value === undefined || Number.isNaN(value)
      ? ''
      : value >= 10_000
        ? `${(value / 1000).toFixed(1)} s`
        : `${value.toFixed(0)} ms`;
  const header = [
    'large input',
    'size',
    'render',
    'complete',
    'load',
    'save',
    'index',
    'longest task',
    'blocking',
    '',
    'detail',
  ];
  const cells = rows.map((row) => [
    row.name,
    row.size,
    ms(row.render),
    ms(row.complete),
    ms(row.load),
    ms(row.save),
    ms(row.index),
    ms(row.longestTask),
    ms(row.blocking),
    row.ok ? 'ok' : 'MISSED',
    row.detail ?? '',
  ]);
  return [
    formatTable(header, cells, (i) => i >= 1 && i <= 8),
    `targets: every time ≤ ${TIME_TARGET_MS} ms, longest task ≤ ${TASK_TARGET_MS} ms`,
  ].join('\n');
}

if (require.main === module) {
  const started = performance.now();
  run({
    cases: stringArgument('cases')?.split(','),
    appDir: stringArgument('app'),
    profileDir: stringArgument('profile'),
    traceDir: stringArgument('trace'),
    log: (line) => console.error(line),
  }).then(
    (rows) => {
      console.log(process.argv.includes('--json') ? JSON.stringify(rows, null, 2) : formatRows(rows));
      console.error(`large-input benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (rows.some((row) => !row.ok)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
