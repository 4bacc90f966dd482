import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerCall, type WorkerCallMessage, type WorkerReplyMessage } from './httpCall';
import { type CallWorker, createHttpTransport } from './httpTransport';

/** Stands in for the call worker: answers each message with the worker's own code, after a clone. */
class FakeCallWorker implements CallWorker {
  onmessage: ((event: MessageEvent<WorkerReplyMessage>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: WorkerCallMessage[] = [];
  terminated = false;
  /** False: the worker never answers (as if its script had not loaded). */
  answers = true;

  postMessage(message: WorkerCallMessage): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    if (!this.answers) return;
    void answerCall(copy).then((reply) => this.onmessage?.(new MessageEvent('message', { data: reply })));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker's script has run: it says so, as httpCallWorker does. */
  start(): void {
    this.onmessage?.(new MessageEvent('message', { data: { started: true } }));
  }
}

/** A fetch that answers like the HTTP host, echoing the call it got. */
function hostFetch(status = 200, contentType = 'application/json') {
  return vi.fn(async (_url: string, init: RequestInit) => {
    const { method, args } = JSON.parse(init.body as string) as { method: string; args: unknown };
    return new Response(JSON.stringify({ ok: true, value: { method, args } }), {
      status,
      headers: { 'Content-Type': contentType },
    });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the HTTP transport', () => {
  it('sends each call through the call worker, with the session cookie and no token, and returns the envelope', async () => {
    const fetch = hostFetch();
    vi.stubGlobal('fetch', fetch);
    const worker = new FakeCallWorker();
    const transport = createHttpTransport('http://127.0.0.1:5000', worker);
    worker.start();
    const content = 'x'.repeat(200_000);

    const [saved, read] = await Promise.all([
      transport.call('saveNote', { path: 'A.md', content }),
      transport.call('readNote', { path: 'B.md' }),
    ]);

    expect(saved).toEqual({ ok: true, value: { method: 'saveNote', args: { path: 'A.md', content } } });
    expect(read).toEqual({ ok: true, value: { method: 'readNote', args: { path: 'B.md' } } });
    expect(worker.received.map((m) => m.method)).toEqual(['saveNote', 'readNote']);
    expect(new Set(worker.received.map((m) => m.id)).size).toBe(2);
    expect(fetch).toHaveBeenCalledTimes(2);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:5000/api/call');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' });
    expect(init.credentials).toBe('same-origin');
    expect(JSON.stringify(worker.received)).not.toMatch(/token|secret/i);
  });

  it('rejects a call that did not reach the host, or got no envelope back, with the reason', async () => {
    const worker = new FakeCallWorker();
    const transport = createHttpTransport('', worker);
    worker.start();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(transport.call('listNotes', null)).rejects.toThrow('Failed to fetch');
    vi.stubGlobal('fetch', hostFetch(502, 'text/html'));
    await expect(transport.call('listNotes', null)).rejects.toThrow('The backend answered 502 without a result.');
  });

  it('sends from the page when the worker cannot run: its unanswered calls and every later one', async () => {
    const fetch = hostFetch();
    vi.stubGlobal('fetch', fetch);
    const worker = new FakeCallWorker();
    worker.answers = false;
    const transport = createHttpTransport('', worker);
    worker.start();

    const waiting = transport.call('readNote', { path: 'A.md' });
    await Promise.resolve();
    expect(fetch).not.toHaveBeenCalled();
    worker.onerror?.(new ErrorEvent('error', { message: 'failed to load' }));
    expect(await waiting).toEqual({ ok: true, value: { method: 'readNote', args: { path: 'A.md' } } });
    expect(worker.terminated).toBe(true);

    expect(await transport.call('listNotes', null)).toEqual({ ok: true, value: { method: 'listNotes', args: null } });
    expect(worker.received.map((m) => m.method)).toEqual(['readNote']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('sends from the page until the worker has started, then through it', async () => {
    const fetch = hostFetch();
    vi.stubGlobal('fetch', fetch);
    const worker = new FakeCallWorker();
    const transport = createHttpTransport('', worker);

    expect(await transport.call('listNotes', null)).toEqual({ ok: true, value: { method: 'listNotes', args: null } });
    expect(worker.received).toEqual([]);
    worker.start();
    expect(await transport.call('listDrafts', null)).toEqual({ ok: true, value: { method: 'listDrafts', args: null } });
    expect(worker.received.map((m) => m.method)).toEqual(['listDrafts']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('sends from the page until a worker given later has arrived and started', async () => {
    const fetch = hostFetch();
    vi.stubGlobal('fetch', fetch);
    const worker = new FakeCallWorker();
    let give: (worker: FakeCallWorker) => void = () => undefined;
    const transport = createHttpTransport('', new Promise<FakeCallWorker>((resolve) => (give = resolve)));

    expect(await transport.call('listNotes', null)).toEqual({ ok: true, value: { method: 'listNotes', args: null } });
    give(worker);
    await Promise.resolve();
    worker.start();
    expect(await transport.call('listDrafts', null)).toEqual({ ok: true, value: { method: 'listDrafts', args: null } });
    expect(worker.received.map((m) => m.method)).toEqual(['listDrafts']);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('sends from the page where no worker can be started', async () => {
    const fetch = hostFetch();
    vi.stubGlobal('fetch', fetch);
    const transport = createHttpTransport('', null);
    expect(await transport.call('listNotes', null)).toEqual({ ok: true, value: { method: 'listNotes', args: null } });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

/** A fetch that answers like the HTTP host, for single calls and batches alike, echoing each call. */
function batchHostFetch(answer?: (calls: Array<{ method: string }>) => unknown) {
  return vi.fn(async (url: string, init: RequestInit) => {
    const body = JSON.parse(init.body as string) as {
      method: string;
      args: unknown;
      calls?: Array<{ method: string; args: unknown }>;
    };
    const value = url.endsWith('/api/calls')
      ? (answer?.(body.calls!) ?? { envelopes: body.calls!.map((call) => ({ ok: true, value: call })) })
      : { ok: true, value: { method: body.method, args: body.args } };
    return new Response(JSON.stringify(value), { headers: { 'Content-Type': 'application/json' } });
  });
}

describe('calls sent from the page', () => {
  it('go in one request when made in one go, each getting its own envelope in order', async () => {
    const fetch = batchHostFetch();
    vi.stubGlobal('fetch', fetch);
    const transport = createHttpTransport('', null);

    const answers = await Promise.all([
      transport.call('getAppInfo', null),
      transport.call('listNotes', null),
      transport.call('readNote', { path: 'A.md' }),
    ]);

    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe('/api/calls');
    expect(answers).toEqual([
      { ok: true, value: { method: 'getAppInfo', args: null } },
      { ok: true, value: { method: 'listNotes', args: null } },
      { ok: true, value: { method: 'readNote', args: { path: 'A.md' } } },
    ]);
    // A call made alone, later, is sent alone.
    expect(await transport.call('listDrafts', null)).toEqual({ ok: true, value: { method: 'listDrafts', args: null } });
    expect(fetch.mock.calls[1]![0]).toBe('/api/call');
  });

  it('go at once when flushed, instead of once the task that made them ends', async () => {
    const fetch = batchHostFetch();
    vi.stubGlobal('fetch', fetch);
    const transport = createHttpTransport('', null);

    const answers = [transport.call('getAppInfo', null), transport.call('listNotes', null)];
    transport.flush!();
    // Sent before this test's own code goes on (the page's first script: before React is evaluated).
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toBe('/api/calls');
    expect(await Promise.all(answers)).toEqual([
      { ok: true, value: { method: 'getAppInfo', args: null } },
      { ok: true, value: { method: 'listNotes', args: null } },
    ]);
    // Nothing was left to send when the task ended; later calls are batched as before.
    expect(fetch).toHaveBeenCalledTimes(1);
    await Promise.all([transport.call('listDrafts', null), transport.call('listNotes', null)]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('splits a burst into batches of at most 32 calls', async () => {
    const fetch = batchHostFetch();
    vi.stubGlobal('fetch', fetch);
    const transport = createHttpTransport('', null);
    const paths = Array.from({ length: 70 }, (_, n) => `N${n}.md`);

    const answers = await Promise.all(paths.map((path) => transport.call('readNote', { path })));

    expect(answers.map((a) => (a as { value: { args: { path: string } } }).value.args.path)).toEqual(paths);
    expect(
      fetch.mock.calls.map(([url, init]) => [
        url,
        (JSON.parse(init.body as string) as { calls?: unknown[] }).calls?.length,
      ]),
    ).toEqual([
      ['/api/calls', 32],
      ['/api/calls', 32],
      ['/api/calls', 6],
    ]);
  });

  it("give every call of a refused batch the host's refusal, and a failed request's reason", async () => {
    const refusal = { ok: false, error: { code: 'forbidden', message: 'no session' } };
    vi.stubGlobal(
      'fetch',
      batchHostFetch(() => refusal),
    );
    const transport = createHttpTransport('', null);
    expect(await Promise.all([transport.call('listNotes', null), transport.call('listDrafts', null)])).toEqual([
      refusal,
      refusal,
    ]);

    vi.stubGlobal(
      'fetch',
      batchHostFetch(() => ({ envelopes: [] })),
    );
    const short = [transport.call('listNotes', null), transport.call('listDrafts', null)];
    await expect(short[0]).rejects.toThrow('something else');
    await expect(short[1]).rejects.toThrow('something else');

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const failing = [transport.call('listNotes', null), transport.call('listDrafts', null)];
    await expect(failing[0]).rejects.toThrow('Failed to fetch');
    await expect(failing[1]).rejects.toThrow('Failed to fetch');
  });
});
