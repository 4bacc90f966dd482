import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchScope } from '@shared/domain/search';
import type { ParsedQuery } from '@shared/search/parseQuery';
import type { IndexSearchResult } from './FullTextIndex';
import { IndexerCore, type NoteReader } from './IndexerCore';
import type { FromIndexer, ToIndexer } from './indexerProtocol';

/** How the indexer runs: in a worker thread (the product), or in this thread (tests, source runs). */
export type IndexerHost =
  | { kind: 'worker'; file: string }
  | { kind: 'worker'; create: () => Worker }
  | { kind: 'inline'; readNote?: NoteReader };

export const WORKER_FILE_NAME = 'searchWorker.js';

/**
 * The built worker script, when this code runs from the build: electron-vite writes
 * every main entry to out/main/ (searchWorker.js beside index.js and serve.js), and this
 * module may sit there or in out/main/chunks/. Null when running from source (Vitest),
 * where the indexer runs inline instead.
 */
export function builtWorkerFile(dir: string = __dirname): string | null {
  for (const candidate of [join(dir, WORKER_FILE_NAME), join(dir, '..', WORKER_FILE_NAME)]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** The worker host when the built worker exists, else inline. */
export function defaultIndexerHost(): IndexerHost {
  const file = builtWorkerFile();
  return file ? { kind: 'worker', file } : { kind: 'inline' };
}

export interface IndexerEvents {
  message(message: FromIndexer): void;
  /** The indexer died (a crash, an exit nobody asked for); pending requests have failed. */
  failure(error: Error): void;
}

/**
 * The main thread's end of the indexer: posts messages, matches replies to requests,
 * and reports a dead worker. Messages are delivered in order either way.
 */
export class IndexerClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private post: (message: ToIndexer) => void;
  private stop: () => Promise<void>;
  private dead: Error | null = null;
  private stopping = false;

  constructor(
    host: IndexerHost,
    private readonly events: IndexerEvents,
  ) {
    const onMessage = (message: FromIndexer) => {
      if (message.type === 'reply') {
        const waiter = this.pending.get(message.id);
        if (!waiter) return;
        this.pending.delete(message.id);
        if (message.ok) waiter.resolve(message.value);
        else waiter.reject(new Error(message.message));
        return;
      }
      this.events.message(message);
    };
    if (host.kind === 'inline') {
      // Same protocol, same thread: messages are copied and delivered on later turns, as a worker would.
      const core = new IndexerCore((message) => {
        const copy = structuredClone(message);
        setImmediate(() => onMessage(copy));
      }, host.readNote);
      this.post = (message) => {
        const copy = structuredClone(message);
        setImmediate(() => core.handle(copy));
      };
      this.stop = async () => undefined;
    } else {
      const worker = 'file' in host ? new Worker(host.file) : host.create();
      worker.unref();
      worker.on('message', onMessage);
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (!this.stopping) this.fail(new Error(`The search worker stopped (exit code ${code}).`));
      });
      this.post = (message) => worker.postMessage(message);
      this.stop = async () => {
        this.stopping = true;
        await worker.terminate();
      };
    }
  }

  /** Sends a message that needs no answer. */
  send(message: ToIndexer): void {
    if (!this.dead) this.post(message);
  }

  search(query: ParsedQuery, scope: SearchScope, limit: number): Promise<IndexSearchResult> {
    return this.request((id) => ({ type: 'search', id, query, scope, limit })) as Promise<IndexSearchResult>;
  }

  /** Writes the cache now if anything changed. */
  async flush(): Promise<void> {
    await this.request((id) => ({ type: 'flush', id }));
  }

  /** Flushes the cache and stops the indexer. Safe to call twice. */
  async close(): Promise<void> {
    if (this.stopping) return;
    try {
      if (!this.dead) await this.request((id) => ({ type: 'close', id }));
    } finally {
      this.stopping = true;
      await this.stop();
    }
  }

  private request(build: (id: number) => ToIndexer): Promise<unknown> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post(build(id));
    });
  }

  private fail(error: Error): void {
    if (this.dead) return;
    this.dead = error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
    this.events.failure(error);
  }
}
