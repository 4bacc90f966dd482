/**
 * The rich-note benchmark (issue #14, "Performance"): a note with 200 images of the vault
 * and 500 formulas (400 `$…$` inline, 100 `$$…$$` blocks) between paragraphs of prose,
 * beside an empty note, in the built app through real Chromium.
 *
 * Measured, from the click that opens the note (page clock):
 * - first screen: the note's text is shown, and every image and formula in the viewport is
 *   there (images resolved to an <img> and decoded, formulas typeset);
 * - fully rendered: the whole note is in the editor (no "Loading the rest of the note…"),
 *   all 200 images resolved (lazy: only those near the viewport are fetched, by design) and
 *   every formula near the viewport typeset (the others wait for IntersectionObserver);
 * - the longest main-thread task from the click until the page is quiet;
 * - typing in the middle of it, keydown → paint p95, as a ratio of the empty note's p95
 *   measured in the same run (see typingBench).
 * Targets: first screen ≤ 500 ms, fully rendered ≤ 2 s, no task over 100 ms, p95 ratio ≤ 1.5.
 *
 * Method, changed for noise only (the note and the targets are as before): typing was 240
 * keys per note in 2 rounds; it is 480 in 4 rounds (`--keys` to change). With 240 keys the
 * p95 is the 12th slowest key of each note, and the notes took turns only twice, so one
 * burst of another process's work on this shared 2-core machine moved the ratio by 0.5 or
 * more between runs of the same build (1.20 and 3.40 at load 4.5); the p95 of 480 keys
 * taken in 4 alternating rounds is steadier.
 *
 * `--trace DIR`: also records a Chromium performance trace and a JavaScript CPU profile of
 * the measured open and of 40 keys typed in each note (DIR/run-N/*.trace.json and
 * *.cpuprofile, for DevTools), and prints where the main thread spent its time (see
 * traceSummary). Tracing slows the page: the figures of a traced run are not comparable.
 *
 * CLI: npx tsx --tsconfig tsconfig.tools.json scripts/bench/richNoteBench.ts [--keys N] [--runs N] [--app DIR] [--trace DIR]
 */
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { optionNamed } from '../../e2e/pages/optionName';
import { createRandom, makeVocabulary } from './generateVault';
import { type BenchApp, startApp } from './startApp';
import { record, type Recording } from './traceSummary';
import { type NoteRun, placeCaretInTheMiddle, typeInto } from './typingBench';
import { stringArgument, percentile } from './benchCli';

const EMPTY = 'Empty note';
const RICH = 'Rich note';
const IMAGES = 200;
const INLINE_FORMULAS = 400;
const BLOCK_FORMULAS = 100;
/** Rounds of typing: the two notes take turns, so a disturbance of the machine weighs on both. */
const TYPING_ROUNDS = 4;

/** A PNG of `width`×`height` in one colour with a darker band (so it is not trivially tiny). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const shade = y % 40 < 8 ? 0.6 : 1;
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++)
      row.set(
        rgb.map((c) => Math.round(c * shade * (0.8 + (0.2 * x) / width))),
        1 + x * 3,
      );
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const FORMULAS = [
  'E = mc^2',
  '\\frac{a}{b} + \\sqrt{x_{n}^2 + 1}',
  '\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}',
  '\\int_0^1 x^2\\,dx',
  '\\Delta G = \\Delta H - T\\Delta S',
  'K_d = \\frac{[L][R]}{[LR]}',
];

/** The rich note: paragraphs of prose, each with inline formulas; images and display formulas between them. */
export function richNote(seed = 5): string {
  const random = createRandom(seed);
  const words = makeVocabulary(800, random);
  const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  const blocks: string[] = ['# Lecture notes with figures and formulas', ''];
  let inline = 0;
  let display = 0;
  for (let image = 0; image < IMAGES; image++) {
    const formulas = Math.round(((image + 1) * INLINE_FORMULAS) / IMAGES) - inline;
    const parts = Array.from({ length: formulas }, (_, k) => `$${FORMULAS[(inline + k) % FORMULAS.length]}$`);
    inline += formulas;
    blocks.push(`${sentence(12)} ${parts.join(` ${sentence(5)} `)} ${sentence(8)}.`, '');
    blocks.push(`![[figure ${image}.png]]`, '');
    if (display < BLOCK_FORMULAS && image % 2 === 1) {
      blocks.push('$$', FORMULAS[display % FORMULAS.length]!, '$$', '');
      display++;
    }
  }
  return blocks.join('\n');
}

/** Writes the rich note's 200 figures into the vault's attachment folder. */
export function writeFigures(vaultDir: string): void {
  const colours: Array<[number, number, number]> = [
    [79, 140, 255],
    [46, 170, 120],
    [230, 120, 60],
    [150, 90, 210],
  ];
  mkdirSync(join(vaultDir, 'attachments'), { recursive: true });
  for (let image = 0; image < IMAGES; image++)
    writeFileSync(join(vaultDir, 'attachments', `figure ${image}.png`), png(640, 360, colours[image % 4]!));
}

interface OpenRun {
  firstScreen: number;
  full: number;
  longestTask: number;
}

async function openRich(
  app: Awaited<ReturnType<typeof startApp>>,
  title: string,
  trace?: (name: string) => Promise<Recording>,
): Promise<OpenRun & { profile?: string }> {
  const page = app.page;
  const recording = await trace?.('open');
  const started = (await page.evaluate('performance.now()')) as number;
  await page
    .getByRole('listbox', { name: 'Notes' })
    .getByRole('option', { name: optionNamed(title) })
    .click();
  await page.waitForFunction(
    (wanted) => (document.querySelector('[aria-label="Note title"]') as HTMLInputElement | null)?.value === wanted,
    title,
    { timeout: 30_000 },
  );
  // Polled every frame in the page: when the first screen was there, then the whole note.
  const times = (await page.evaluate(`new Promise((resolve, reject) => {
    const started = ${started};
    let firstScreen = 0;
    const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
    const tick = () => {
      const now = performance.now();
      const root = document.querySelector('.editor-content');
      if (now - started > 60000) {
        const count = (selector) => document.querySelectorAll(selector).length;
        return reject(new Error('the rich note did not render within 60 s: first screen ' + (firstScreen > 0) +
          ', ' + count('img.ed-image') + ' images, ' + count('.ed-image-pending') + ' pending, ' +
          count('.math--pending') + ' formulas pending, loading ' + count('.editor-loading') + ', title ' + (document.querySelector('[aria-label="Note title"]') || {}).value + ', math ' + count('.math') + ', blocks ' + (root ? root.children.length : -1)));
      }
      if (root && root.querySelector('p')) {
        // Only the blocks in view are looked into: measuring an element inside a block the
        // browser skips (content-visibility) would make it lay that block out, once per call.
        const shown = [...root.children].filter(inView);
        const pending = shown.some((block) => [...block.querySelectorAll('.ed-image-pending, .math--pending')].some(inView));
        const loading = shown.some((block) => [...block.querySelectorAll('img.ed-image')].filter(inView).some((img) => !img.complete));
        if (!firstScreen && !pending && !loading) firstScreen = now;
        const all = !document.querySelector('.editor-loading') &&
          root.querySelectorAll('img.ed-image').length >= ${IMAGES} &&
          !root.querySelector('.ed-image-pending');
        if (firstScreen && all) return resolve({ firstScreen: firstScreen - started, full: now - started });
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`)) as { firstScreen: number; full: number };
  await app.waitForQuiet({ quietMs: 500 });
  const probe = await app.probe();
  const calls = probe.calls
    .filter((call) => call.start >= started)
    .map((call) => `${call.method} ${(call.start - started).toFixed(0)}–${(call.end - started).toFixed(0)} ms`);
  const profile = recording && `${await recording.stop()}\nAPI calls from the click: ${calls.join(', ')}`;
  const tasks = probe.longTasks.filter((task) => task.start >= started);
  return { ...times, longestTask: Math.max(0, ...tasks.map((task) => task.duration)), profile };
}

/** Opens the note `title` from the notes list and puts the caret in its middle, once the page is quiet. */
export async function openWithCaretInTheMiddle(app: BenchApp, title: string): Promise<void> {
  await app.page
    .getByRole('listbox', { name: 'Notes' })
    .getByRole('option', { name: optionNamed(title) })
    .click();
  await app.page.getByRole('textbox', { name: `Note: ${title}` }).waitFor();
  await app.waitForQuiet();
  await placeCaretInTheMiddle(app.page);
  await app.waitForQuiet({ quietMs: 300 });
}

/** Types `text` into the open note at the caret placed in its middle, traced (see traceSummary). */
async function tracedTyping(
  app: BenchApp,
  title: string,
  text: string,
  recording: (name: string) => Promise<Recording>,
) {
  const page = app.page;
  await openWithCaretInTheMiddle(app, title);
  const traced = await recording(`typing-${title === RICH ? 'rich' : 'empty'}`);
  for (const char of text) {
    await page.keyboard.type(char);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await app.waitForQuiet({ quietMs: 300 });
  return traced.stop();
}

export interface RichRun extends OpenRun {
  emptyP95: number;
  richP95: number;
  ratio: number;
}

export async function run(
  options: { keystrokes?: number; appDir?: string; log?: (line: string) => void; trace?: string } = {},
): Promise<RichRun> {
  const log = options.log ?? (() => undefined);
  const keystrokes = options.keystrokes ?? 480;
  const app = await startApp({ appDir: options.appDir, notes: { [`${EMPTY}.md`]: '', [`${RICH}.md`]: richNote() } });
  try {
    writeFigures(app.vaultDir);
    // Opened twice: the first warms the code paths, the second is measured.
    log('opening the rich note (warm-up)…');
    await openRich(app, RICH);
    // Away and back, so the measured open is a fresh one.
    await app.page
      .getByRole('listbox', { name: 'Notes' })
      .getByRole('option', { name: optionNamed(EMPTY) })
      .click();
    await app.page.getByRole('textbox', { name: `Note: ${EMPTY}` }).waitFor();
    await app.waitForQuiet({ quietMs: 500 });
    log('opening the rich note…');
    const traceDir = options.trace;
    const trace = traceDir
      ? (name: string) => {
          mkdirSync(traceDir, { recursive: true });
          return record(app.browser, app.page, traceDir, name);
        }
      : undefined;
    const opened = await openRich(app, RICH, trace);
    if (opened.profile) log(opened.profile);
    const text = 'The cell cycle has four phases, and each one is checked before the next begins. '.repeat(
      Math.ceil(keystrokes / 80) + 1,
    );
    const empty: NoteRun[] = [];
    const rich: NoteRun[] = [];
    const perRound = Math.ceil(keystrokes / TYPING_ROUNDS);
    for (let round = 0; round < TYPING_ROUNDS; round++) {
      const part = text.slice(round * perRound, (round + 1) * perRound);
      log(`typing round ${round + 1}/${TYPING_ROUNDS}…`);
      empty.push(await typeInto(app, EMPTY, part, 30));
      rich.push(await typeInto(app, RICH, part, 30));
    }
    if (trace) {
      log(await tracedTyping(app, RICH, text.slice(0, 40), trace));
      log(await tracedTyping(app, EMPTY, text.slice(0, 40), trace));
    }
    const p95 = (runs: NoteRun[]) =>
      percentile(
        runs.flatMap((r) => r.latencies),
        95,
      );
    const longestTyping = Math.max(...rich.map((r) => r.longestTask));
    log(
      `longest task: open ${opened.longestTask.toFixed(0)} ms, typing in the rich note ${rich.map((r) => r.longestTask.toFixed(0)).join(', ')} ms, in the empty note ${empty.map((r) => r.longestTask.toFixed(0)).join(', ')} ms`,
    );
    return {
      ...opened,
      emptyP95: p95(empty),
      richP95: p95(rich),
      ratio: p95(rich) / p95(empty),
      longestTask: Math.max(opened.longestTask, longestTyping),
    };
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  (async () => {
    const runs = Number(stringArgument('runs') ?? 3);
    const results: RichRun[] = [];
    for (let i = 0; i < runs; i++) {
      results.push(
        await run({
          keystrokes: stringArgument('keys') ? Number(stringArgument('keys')) : undefined,
          appDir: stringArgument('app'),
          trace: stringArgument('trace') ? join(stringArgument('trace')!, `run-${i + 1}`) : undefined,
          log: (line) => console.error(`run ${i + 1}/${runs}: ${line}`),
        }),
      );
    }
    const range = (pick: (r: RichRun) => number, digits = 0) => {
      const values = results.map(pick);
      return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
    };
    const worst = (pick: (r: RichRun) => number) => Math.max(...results.map(pick));
    const rows: Array<[string, string, string, boolean]> = [
      ['first screen (ms)', range((r) => r.firstScreen), '≤ 500', worst((r) => r.firstScreen) <= 500],
      ['fully rendered (ms)', range((r) => r.full), '≤ 2000', worst((r) => r.full) <= 2000],
      ['longest main-thread task (ms)', range((r) => r.longestTask), '≤ 100', worst((r) => r.longestTask) <= 100],
      ['typing p95, empty note (ms)', range((r) => r.emptyP95, 1), '', true],
      ['typing p95, rich note (ms)', range((r) => r.richP95, 1), '', true],
      ['typing p95 ratio rich / empty', range((r) => r.ratio, 2), '≤ 1.5', worst((r) => r.ratio) <= 1.5],
    ];
    console.log(
      `rich note: ${IMAGES} images, ${INLINE_FORMULAS} inline + ${BLOCK_FORMULAS} display formulas; ${runs} runs (min–max); ` +
        `load average ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')} on ${cpus().length} cores`,
    );
    for (const [name, value, target, ok] of rows)
      console.log(
        `${name.padEnd(32)} ${value.padStart(14)}  ${target.padEnd(7)} ${target ? (ok ? 'ok' : 'MISSED') : ''}`,
      );
    if (rows.some((row) => !row[3])) process.exitCode = 1;
  })().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
