/**
 * The typing benchmark (issue: notes, "Performance"). The built app runs on a temporary
 * vault holding an empty note and a 20,000-word note (generateLongNote: headings, lists,
 * paragraphs with bold, italic, code, wiki and web links); real Chromium types into each
 * through Playwright, and the page measures every keystroke from keydown to the next
 * paint (see startApp's probe: the keydown event's timeStamp, then the first task after
 * the frame that follows it). The typing is realistic prose typed in the middle of the
 * document (in the empty note: into it), one key every 35–80 ms so that events do not
 * coalesce, in bursts: after every burst typing pauses for about the autosave delay, so
 * the next keys land while the note is being saved.
 *
 * Printed, for both notes and as a ratio: p50, p95 and max of the keydown → paint latency
 * (target: p95 ratio ≤ 1.5), and the same for the keystrokes that coincided with an
 * autosave (keydown from 200 ms before the save request to 200 ms after its answer:
 * serializing, the request, the answer and what follows it — list and link updates).
 * "Saving never blocks typing" is checked as: no keystroke during a save of the large note
 * waits longer than the slowest keystroke of the empty note allows (max during saves ≤
 * 1.5 × the empty note's p95, at least 50 ms), and no long task (> 50 ms) ran during one.
 *
 * Needs the built app (`npx electron-vite build`) and a Chromium (see e2e/fixtures/findChromium).
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/typingBench.ts [--words N] [--keys N] [--app DIR] [--json]
 */
import type { Page } from '@playwright/test';
import { createRandom, makeVocabulary } from './generateVault';
import { generateLongNote } from './generateLongNote';
import { type BenchApp, type LongFrame, type PageProbe, startApp } from './startApp';
import { optionNamed } from '../../e2e/pages/optionName';
import { formatTable, numberArgument, stringArgument, percentile } from './benchCli';

export interface TypingBenchOptions {
  /** Words in the large note. Default 20,000. */
  words?: number;
  /** Keystrokes timed per note. Default 800. */
  keystrokes?: number;
  /** Rounds: the keystrokes are split between them, the notes take turns. Default 4. */
  rounds?: number;
  /** Keystrokes per burst (typing pauses about the autosave delay after each). Default 30. */
  burst?: number;
  seed?: number;
  /** The built app to measure (see StartAppOptions.appDir). Default: this checkout. */
  appDir?: string;
  /** Progress lines. Default: none. */
  log?: (line: string) => void;
}

export interface TypingBenchRow {
  name: string;
  /** In the empty note. */
  empty?: number;
  /** In the large note. */
  large?: number;
  /** large / empty. */
  ratio?: number;
  unit: 'ms' | 'count';
  /** What the checked value (the ratio, else `large`) must not exceed. */
  target?: number;
  ok?: boolean;
  detail?: string;
}

export interface NoteRun {
  /** keydown → paint of every timed keystroke. */
  latencies: number[];
  /** The same, for keystrokes that coincided with an autosave. */
  duringSaves: number[];
  saves: number;
  longTasks: number;
  longTasksDuringSaves: number;
  longestTask: number;
  /** Event Timing entries for keydown over 50 ms (a cross-check). */
  slowEvents: number;
  /** Long animation frames that overlapped an autosave, with what ran in them. */
  framesDuringSaves: LongFrame[];
}

const EMPTY = 'Empty note';
const LARGE = 'Large note';
/** How far around a save request a keystroke counts as coinciding with it. */
const SAVE_MARGIN_MS = 200;

/** Runs the benchmark and returns its rows (see module doc). */
export async function run(options: TypingBenchOptions = {}): Promise<TypingBenchRow[]> {
  const words = options.words ?? 20_000;
  const keystrokes = options.keystrokes ?? 800;
  const burst = options.burst ?? 30;
  const seed = options.seed ?? 3;
  const log = options.log ?? (() => undefined);
  const large = generateLongNote({
    words,
    seed,
    linkTargets: ['GABA Glutamate Ratio', 'Neurochemical Balance State', 'Empty note', 'Nowhere yet'],
  });
  log(`large note: ${countWords(large)} words, ${large.length} characters`);
  const app = await startApp({ appDir: options.appDir, notes: { [`${EMPTY}.md`]: '', [`${LARGE}.md`]: large } });
  try {
    const text = typingText(keystrokes + 40, seed);
    // A short untimed round first, so the timed rounds run with warm code.
    log('warming up…');
    await typeInto(app, EMPTY, text.slice(0, 40), burst);
    // The notes take turns, so a disturbance of the machine (another process) weighs on both.
    const rounds = Math.max(1, options.rounds ?? 4);
    const perRound = Math.ceil(keystrokes / rounds);
    const empty: NoteRun[] = [];
    const big: NoteRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const part = text.slice(40 + round * perRound, 40 + (round + 1) * perRound);
      log(`round ${round + 1}/${rounds}: ${part.length} keys into the empty note, then the ${words}-word note…`);
      empty.push(await typeInto(app, EMPTY, part, burst));
      big.push(await typeInto(app, LARGE, part, burst));
    }
    const large = merge(big);
    // What the long frames during the large note's autosaves were made of (the Long Animation Frames API).
    for (const frame of large.framesDuringSaves) {
      const scripts = frame.scripts.map((s) => `${s.invoker} → ${s.source} ${s.duration} ms (layout ${s.layout})`);
      log(
        `long frame during an autosave: ${Math.round(frame.duration)} ms, render ${frame.render} ms; ${scripts.join('; ')}`,
      );
    }
    return tabulate(merge(empty), large);
  } finally {
    await app.close();
  }
}

/** One run made of several. */
function merge(runs: NoteRun[]): NoteRun {
  return {
    latencies: runs.flatMap((run) => run.latencies),
    duringSaves: runs.flatMap((run) => run.duringSaves),
    saves: runs.reduce((sum, run) => sum + run.saves, 0),
    longTasks: runs.reduce((sum, run) => sum + run.longTasks, 0),
    longTasksDuringSaves: runs.reduce((sum, run) => sum + run.longTasksDuringSaves, 0),
    longestTask: Math.max(...runs.map((run) => run.longestTask)),
    slowEvents: runs.reduce((sum, run) => sum + run.slowEvents, 0),
    framesDuringSaves: runs.flatMap((run) => run.framesDuringSaves),
  };
}

/** The table: each measurement in both notes, as a ratio where it is compared. */
function tabulate(empty: NoteRun, big: NoteRun): TypingBenchRow[] {
  const rows: TypingBenchRow[] = [];
  const ms = (name: string, e: number, l: number, extra: Partial<TypingBenchRow> = {}) =>
    rows.push({ name, empty: e, large: l, ratio: l / e, unit: 'ms', ...extra });
  const p95Ratio = percentile(big.latencies, 95) / percentile(empty.latencies, 95);
  ms('keydown → paint p50', percentile(empty.latencies, 50), percentile(big.latencies, 50));
  ms('keydown → paint p95', percentile(empty.latencies, 95), percentile(big.latencies, 95), {
    target: 1.5,
    ok: p95Ratio <= 1.5,
    detail: 'ratio: large / empty',
  });
  ms('keydown → paint max', Math.max(...empty.latencies), Math.max(...big.latencies));
  ms('keys during autosaves: p95', percentile(empty.duringSaves, 95), percentile(big.duringSaves, 95), {
    detail: `${empty.duringSaves.length} / ${big.duringSaves.length} keys`,
  });
  const saveLimit = Math.max(50, 1.5 * percentile(empty.latencies, 95));
  const maxDuringSaves = Math.max(...big.duringSaves);
  rows.push({
    name: 'keys during autosaves: max',
    empty: Math.max(...empty.duringSaves),
    large: maxDuringSaves,
    unit: 'ms',
    target: Math.round(saveLimit),
    ok: maxDuringSaves <= saveLimit,
    detail: 'target on the large note: 1.5 × empty p95, at least 50 ms',
  });
  rows.push({ name: 'autosaves while typing', empty: empty.saves, large: big.saves, unit: 'count' });
  rows.push({
    name: 'long tasks (> 50 ms) while typing',
    empty: empty.longTasks,
    large: big.longTasks,
    unit: 'count',
    detail: `longest: ${empty.longestTask.toFixed(0)} / ${big.longestTask.toFixed(0)} ms`,
  });
  rows.push({
    name: 'long tasks during autosaves',
    empty: empty.longTasksDuringSaves,
    large: big.longTasksDuringSaves,
    unit: 'count',
    target: 0,
    ok: big.longTasksDuringSaves === 0,
  });
  rows.push({
    name: 'keydown Event Timing entries > 50 ms',
    empty: empty.slowEvents,
    large: big.slowEvents,
    unit: 'count',
    detail: 'cross-check from the Event Timing API',
  });
  return rows;
}

/** Opens `title`, puts the caret in the middle of its text, types `text` and collects the measurements. */
export async function typeInto(app: BenchApp, title: string, text: string, burst: number): Promise<NoteRun> {
  const page = app.page;
  await page
    .getByRole('listbox', { name: 'Notes' })
    .getByRole('option', { name: optionNamed(title) })
    .click();
  const editor = page.getByRole('textbox', { name: `Note: ${title}` });
  await editor.waitFor();
  await app.waitForQuiet();
  await placeCaretInTheMiddle(page);
  await app.waitForQuiet({ quietMs: 300 });

  const before = await app.probe();
  const firstKey = before.keys.length;
  const started = before.now;
  let typed = 0;
  let pause = 0;
  for (const char of text) {
    await page.keyboard.type(char);
    typed++;
    if (typed % burst === 0) {
      // About the autosave delay (600 ms), swept so the next key lands at different moments of the save.
      await sleep(590 + ((pause++ * 29) % 170));
    } else {
      await sleep(35 + ((typed * 17) % 46));
    }
  }
  // Let the last save run and every keystroke reach its paint.
  await page.getByRole('status', { name: 'Save status' }).getByText('Saved').waitFor({ timeout: 30_000 });
  await app.waitForQuiet();
  const probe = await app.probe();
  const saved = await app.call<{ content: string }>('readNote', { path: `${title}.md` });
  if (!saved.content.includes(text.slice(-20))) throw new Error(`the text typed did not reach “${title}”`);
  return summarize(probe, firstKey, started);
}

/**
 * Puts the caret at the end of the middle top-level paragraph (or into the empty editor)
 * through the DOM selection, which Lexical follows: a click could land on a link chip.
 */
export async function placeCaretInTheMiddle(page: Page): Promise<void> {
  await page.locator('.editor-content').focus();
  await page.evaluate(`(() => {
    const root = document.querySelector('.editor-content');
    const paragraphs = root.querySelectorAll(':scope > p');
    const paragraph = paragraphs[Math.floor(paragraphs.length / 2)];
    if (!paragraph) return;
    paragraph.scrollIntoView({ block: 'center' });
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let last = null;
    while (walker.nextNode()) if (!walker.currentNode.parentElement.closest('[data-wiki-target]')) last = walker.currentNode;
    if (!last) return;
    const range = document.createRange();
    range.setStart(last, last.length);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  })()`);
  await page.keyboard.type(' ');
}

function summarize(probe: PageProbe, firstKey: number, started: number): NoteRun {
  const keys = probe.keys.slice(firstKey);
  const missing = keys.filter((key) => key.paint === 0).length;
  if (missing > 0) throw new Error(`${missing} keystrokes never reached a paint`);
  const saves = probe.calls
    .filter((call) => call.method === 'saveNote' && call.start >= started)
    .map((call) => ({ from: call.start - SAVE_MARGIN_MS, to: call.end + SAVE_MARGIN_MS }));
  const inSave = (start: number, end: number) => saves.some((save) => start <= save.to && end >= save.from);
  const tasks = probe.longTasks.filter((task) => task.start >= started);
  return {
    latencies: keys.map((key) => key.paint - key.down),
    duringSaves: keys.filter((key) => inSave(key.down, key.down)).map((key) => key.paint - key.down),
    saves: saves.length,
    longTasks: tasks.length,
    longTasksDuringSaves: tasks.filter((task) => inSave(task.start, task.start + task.duration)).length,
    longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    slowEvents: probe.events.filter((event) => event.start >= started && event.duration > 50).length,
    framesDuringSaves: (probe.frames ?? []).filter(
      (frame) => frame.start >= started && inSave(frame.start, frame.start + frame.duration),
    ),
  };
}

/** Sentences of vocabulary words (letters, spaces, commas, full stops): nothing the Markdown shortcuts react to. */
function typingText(length: number, seed: number): string {
  const random = createRandom(seed + 100);
  const vocabulary = makeVocabulary(2_000, random);
  let text = '';
  while (text.length < length) {
    const count = 5 + Math.floor(random() * 9);
    const words = Array.from({ length: count }, () => vocabulary[Math.floor(random() * 300)]!);
    words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
    if (count > 8) words[4] += ',';
    text += `${words.join(' ')}. `;
  }
  return text.slice(0, length);
}

function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The rows as a text table. */
export function formatRows(rows: TypingBenchRow[]): string {
  const value = (v: number | undefined, unit: TypingBenchRow['unit']) =>
    v === undefined || Number.isNaN(v) ? '' : unit === 'count' ? String(v) : `${v.toFixed(1)} ms`;
  const cells = rows.map((row) => [
    row.name,
    value(row.empty, row.unit),
    value(row.large, row.unit),
    row.ratio === undefined ? '' : row.ratio.toFixed(2),
    row.target === undefined ? '' : `≤ ${row.target}`,
    row.ok === undefined ? '' : row.ok ? 'ok' : 'MISSED',
    row.detail ?? '',
  ]);
  const header = ['typing benchmark', 'empty note', 'large note', 'ratio', 'target', '', 'detail'];
  return formatTable(header, cells, (i) => i >= 1 && i <= 4);
}

if (require.main === module) {
  const started = performance.now();
  run({
    words: numberArgument('words'),
    keystrokes: numberArgument('keys'),
    appDir: stringArgument('app'),
    log: (line) => console.error(line),
  }).then(
    (rows) => {
      console.log(process.argv.includes('--json') ? JSON.stringify(rows, null, 2) : formatRows(rows));
      console.error(`typing benchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
      if (rows.some((row) => row.ok === false)) process.exitCode = 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
