/**
 * What the browser benchmarks share: the built app (`out/main/serve.js`) started on a
 * temporary vault, a real Chromium driven by Playwright, the HTTP API called from Node
 * with the page's session cookie, and an in-page probe that records what the page itself sees
 * (keystroke latencies, long tasks, API calls).
 *
 * The server is started and opened exactly as the end-to-end fixture does it (its `readUrl`,
 * `openLaunchUrl` and `stopProcess`), in the browser the end-to-end tests use (`findChromium`,
 * `CHROMIUM_ARGS`).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Cookie, type Page } from '@playwright/test';
import { openLaunchUrl, readUrl, stopProcess } from '../../e2e/fixtures/app';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/fixtures/findChromium';

const root = join(__dirname, '..', '..');

export interface StartAppOptions {
  /**
   * The built app to measure: a folder holding `out/main/serve.js`. Default: this
   * checkout; another build (e.g. of an older commit) compares before and after.
   */
  appDir?: string;
  /** Notes written into the vault before the app starts: vault-relative path → content. */
  notes?: Record<string, string>;
  /** Browser viewport. Default 1400 × 900. */
  viewport?: { width: number; height: number };
  /** Fills the state folder before the app starts (e.g. with a stored reference pack). */
  prepareState?(stateDir: string): void | Promise<void>;
  /** Flags for the server's Node (e.g. `--cpu-prof`, to profile its start-up). */
  nodeArgs?: string[];
  /** Called with the server's process id as soon as it is spawned (to follow its memory from the start). */
  onSpawn?(pid: number): void;
}

export interface BenchApp {
  vaultDir: string;
  page: Page;
  browser: Browser;
  /** Calls one NotebookApi method over HTTP from Node (with the first page's session); throws on an error envelope. */
  call<T = unknown>(method: string, args?: unknown): Promise<T>;
  /**
   * Opens the app in another page (its own browser context, sharing the session), probe
   * installed (and `initScript`, page source run before the app's own scripts), notes list
   * shown — or, with `settle: 'load'`, only loaded and without the probe: nothing of the
   * harness then runs in the page while it renders, which a timed first render must not
   * include (waiting for the list polls the page with role queries; the probe wraps fetch
   * and Worker and observes long animation frames: about 25 ms of a load, in paired loads).
   */
  openPage(initScript?: string, settle?: 'notes-list' | 'load'): Promise<Page>;
  /** What the in-page probe of `page` (default: the first page) recorded so far (see PageProbe). */
  probe(page?: Page): Promise<PageProbe>;
  /**
   * Resolves when `page` (default: the first page) has been quiet (see waitForQuiet);
   * returns when it last was busy.
   */
  waitForQuiet(options?: { quietMs?: number; timeoutMs?: number; page?: Page }): Promise<number>;
  /** Closes the browser, stops the server and removes the temporary folders. */
  close(): Promise<void>;
  /** The server's process id (to read its memory). */
  serverPid: number;
  /** Milliseconds from starting the server to its address printed. */
  addressMs: number;
  /** Milliseconds from opening the first page to its notes list shown. */
  windowMs: number;
}

/** One keystroke as the page saw it (all times on the page's performance.now() clock). */
export interface ProbeKey {
  key: string;
  /** The keydown event's timeStamp: when the input event was created. */
  down: number;
  /** When the keydown reached the page's first listener (capture, on window). */
  handled: number;
  /** The first task after the frame that followed the keydown, i.e. just after its paint; 0 until then. */
  paint: number;
}

export interface ProbeCall {
  method: string;
  start: number;
  /** When the response arrived; 0 while in flight. */
  end: number;
  /** Size of the request body (characters; for a call through the worker, of its `content` argument). */
  bytes: number;
}

export interface PageProbe {
  now: number;
  keys: ProbeKey[];
  /** Main-thread tasks over 50 ms (PerformanceObserver 'longtask'). */
  longTasks: Array<{ start: number; duration: number }>;
  /**
   * Long animation frames (over 50 ms; the Long Animation Frames API, where the browser has
   * it) with the scripts that ran in them for 5 ms or more and the time spent rendering:
   * what a long task was made of.
   */
  frames?: LongFrame[];
  /** Event Timing entries for keydown (≥ 16 ms), as a cross-check of the keystroke latencies. */
  events: Array<{ start: number; duration: number }>;
  calls: ProbeCall[];
  /** timeStamps of the clicks the page received. */
  clicks: number[];
}

/** A long animation frame (see PageProbe.frames). */
export interface LongFrame {
  start: number;
  duration: number;
  /** Scripts of 5 ms or more: what called them, the function and where, their time and forced layout in it. */
  scripts: Array<{ invoker: string; source: string; duration: number; layout: number }>;
  /** Style, layout and paint at the end of the frame, in ms. */
  render: number;
}

/**
 * Installed in the page before the app's own scripts (a string, so no bundler helper can
 * leak into it). Keydown → next paint: a capturing keydown listener notes the event's
 * timeStamp; a requestAnimationFrame callback then posts a message, and the message's task
 * runs right after that frame was painted. The app's API calls (through its call worker, or
 * fetch) are timed by method.
 */
const PROBE_SCRIPT = `(() => {
  const bench = { keys: [], longTasks: [], frames: [], events: [], calls: [], clicks: [] };
  Object.defineProperty(window, '__bench', { value: bench });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          scripts: (e.scripts || [])
            .filter((s) => s.duration >= 5)
            .map((s) => ({
              invoker: s.invoker,
              source: (s.sourceFunctionName || '') + ' ' + String(s.sourceURL || '').split('/').pop() + ':' + s.sourceCharPosition,
              duration: Math.round(s.duration),
              layout: Math.round(s.forcedStyleAndLayoutDuration || 0),
            })),
          render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') bench.events.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  } catch {}
  const channel = new MessageChannel();
  const painted = [];
  channel.port1.onmessage = () => {
    const now = performance.now();
    const key = painted.shift();
    if (key) key.paint = now;
  };
  window.addEventListener('keydown', (event) => {
    const key = { key: event.key, down: event.timeStamp, handled: performance.now(), paint: 0 };
    bench.keys.push(key);
    requestAnimationFrame(() => {
      painted.push(key);
      channel.port2.postMessage(0);
    });
  }, true);
  window.addEventListener('click', (event) => bench.clicks.push(event.timeStamp), true);
  // Calls go through the app's call worker (httpTransport): timed from the message posted
  // to its answer. Their size is that of the one large argument, a note's content.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      this.__calls = new Map();
      this.addEventListener('message', (event) => {
        const call = event.data && this.__calls.get(event.data.id);
        if (!call) return;
        this.__calls.delete(event.data.id);
        call.end = performance.now();
      });
    }
    postMessage(message, transfer) {
      if (message && typeof message.method === 'string' && typeof message.id === 'number') {
        const content = message.args && message.args.content;
        const call = { method: message.method, start: performance.now(), end: 0, bytes: typeof content === 'string' ? content.length : 0 };
        bench.calls.push(call);
        this.__calls.set(message.id, call);
      }
      return super.postMessage(message, transfer);
    }
  };
  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const body = init && typeof init.body === 'string' ? init.body : '';
    const match = /^\\{"method":"(\\w+)"/.exec(body.slice(0, 40));
    const call = { method: match ? match[1] : '', start: performance.now(), end: 0, bytes: body.length };
    bench.calls.push(call);
    try {
      return await fetch(input, init);
    } finally {
      call.end = performance.now();
    }
  };
})();`;

/**
 * Starts the built app on a fresh temporary vault holding `options.notes`, opens it in
 * Chromium and waits for the notes list.
 *
 * @throws Error when the app has not been built (`npx electron-vite build`) or no Chromium is found.
 */
export async function startApp(options: StartAppOptions = {}): Promise<BenchApp> {
  const serve = join(options.appDir ?? root, 'out', 'main', 'serve.js');
  if (!existsSync(serve)) {
    throw new Error(`The built app is missing (${serve}). Build it first: npx electron-vite build`);
  }
  const base = mkdtempSync(join(tmpdir(), 'sn-bench-'));
  const vaultDir = join(base, 'vault');
  const stateDir = join(base, 'state');
  mkdirSync(vaultDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  await options.prepareState?.(stateDir);
  for (const [path, content] of Object.entries(options.notes ?? {})) {
    const abs = join(vaultDir, ...path.split('/'));
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  const spawned = performance.now();
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR": Node options for the server (where its time goes).
  const envArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const server = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...envArgs, serve, '--vault', vaultDir, '--state-dir', stateDir, '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STUDY_NOTEBOOK_VAULT: '' },
    },
  );
  if (server.pid !== undefined) options.onSpawn?.(server.pid);
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await stopProcess(server);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    const url = await readUrl(server, 180_000);
    const addressMs = performance.now() - spawned;
    // Keep the pipes drained: a full pipe would block the server.
    server.stdout?.resume();
    // BENCH_SERVER_LOG=<file>: keep what the server reports (a crash's reason) for reading later.
    if (process.env.BENCH_SERVER_LOG)
      server.stderr?.pipe(createWriteStream(process.env.BENCH_SERVER_LOG, { flags: 'a' }));
    else server.stderr?.resume();
    const { origin } = new URL(url);
    const launched = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    browser = launched;
    // The launch code opens one session; later pages and Node's calls share its cookie.
    let session: Cookie[] | undefined;
    const openPage = async (initScript?: string, settle: 'notes-list' | 'load' = 'notes-list') => {
      const context = await launched.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 } });
      const page = await context.newPage();
      if (settle === 'notes-list') await page.addInitScript(PROBE_SCRIPT);
      if (initScript) await page.addInitScript(initScript);
      if (session) {
        await context.addCookies(session);
        await page.goto(`${origin}/`);
      } else {
        await openLaunchUrl(page, url);
        session = await context.cookies(origin);
      }
      if (settle === 'notes-list') await page.getByRole('listbox', { name: 'Notes' }).waitFor();
      return page;
    };
    const opening = performance.now();
    const page = await openPage();
    const windowMs = performance.now() - opening;
    const cookie = session!.map(({ name, value }) => `${name}=${value}`).join('; ');

    const call = async <T>(method: string, args?: unknown): Promise<T> => {
      const response = await fetch(`${origin}/api/call`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: JSON.stringify({ method, args }),
      });
      const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
      if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
      return envelope.value;
    };

    return {
      vaultDir,
      page,
      browser: launched,
      call,
      openPage: (initScript?: string, settle?: 'notes-list' | 'load') => openPage(initScript, settle),
      probe: (on = page) => on.evaluate<PageProbe>('({ ...window.__bench, now: performance.now() })'),
      waitForQuiet: (quiet = {}) => waitForQuiet(quiet.page ?? page, quiet.quietMs ?? 500, quiet.timeoutMs ?? 60_000),
      close,
      serverPid: server.pid!,
      addressMs,
      windowMs,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Waits in the page until, for `quietMs`, no API call was in flight, no long task ran and a
 * 20 ms heartbeat never came late (so short busy tasks count too). Resolves with the time
 * (page clock) the page was last busy. (Page code is passed as source text: the script
 * runner's helpers must not leak into it.)
 */
function waitForQuiet(page: Page, quietMs: number, timeoutMs: number): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const quiet = ${Number(quietMs)};
    const timeout = ${Number(timeoutMs)};
    const bench = window.__bench;
    const started = performance.now();
    // Busy moments before this call count too (tasks, calls): the caller compares with its own marks.
    let lastBusy = 0;
    let expected = started + 20;
    const beat = () => {
      const now = performance.now();
      // A heartbeat more than 30 ms late: something held the main thread.
      if (now - expected > 30) lastBusy = now;
      for (const task of bench.longTasks) lastBusy = Math.max(lastBusy, task.start + task.duration);
      for (const call of bench.calls) lastBusy = call.end === 0 ? now : Math.max(lastBusy, call.end);
      if (now - Math.max(lastBusy, started) >= quiet) return resolve(lastBusy);
      if (now - started > timeout) return reject(new Error('the page was not quiet within ' + timeout + ' ms'));
      expected = now + 20;
      setTimeout(beat, 20);
    };
    setTimeout(beat, 20);
  })`);
}
