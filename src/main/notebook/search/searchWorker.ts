/**
 * The search worker's entry point (built to out/main/searchWorker.js): runs the indexer
 * off the main thread, so building and querying the index never delays the backend.
 */
import { parentPort } from 'node:worker_threads';
import { IndexerCore } from './IndexerCore';
import type { ToIndexer } from './indexerProtocol';

const port = parentPort;
if (!port) throw new Error('searchWorker.js runs only as a worker thread.');
const core = new IndexerCore((message) => port.postMessage(message));
port.on('message', (message: ToIndexer) => core.handle(message));
