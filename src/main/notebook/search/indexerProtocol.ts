import type { IndexStatus, SearchScope } from '@shared/domain/search';
import type { ParsedQuery } from '@shared/search/parseQuery';
import type { FullTextIndexOptions, IndexDoc, IndexSearchResult } from './FullTextIndex';
import type { NoteFields, NoteMeta } from './indexDocs';
import type { PackIndexSource } from './packIndexCache';

/**
 * The messages between the search service (main thread) and the indexer (a worker
 * thread, or the same thread in tests). Every message is structured-clone-safe.
 *
 * Main → indexer: `init` once, then any number of `apply` (note changes, in order),
 * `search` and `flush`, and finally `close`. The indexer answers `search`, `flush` and
 * `close` with a `reply` of the same id, and pushes `status` while it builds and when it
 * is ready, and `log` for problems the user need not see (a stale cache, a file it
 * could not read).
 */
export type ToIndexer =
  | {
      type: 'init';
      /** The vault folder; notes are read from it (only files whose real path stays inside). */
      vaultPath: string;
      /** The cache file, or null to work without one. */
      cachePath: string | null;
      /** Glossary entries, ready to index (they are indexed first, before anything else). */
      entries: IndexDoc[];
      /** Reference packs the indexer loads itself, from their index caches or entries files. */
      packs?: PackIndexSource[];
      /** Every note the vault knows, with its version: what the index must end up holding. */
      notes: NoteMeta[];
      options: IndexerOptions;
    }
  | { type: 'apply'; upserts: NoteUpsert[]; removals: string[] }
  | { type: 'search'; id: number; query: ParsedQuery; scope: SearchScope; limit: number }
  | { type: 'flush'; id: number }
  | { type: 'close'; id: number };

export type FromIndexer =
  | { type: 'status'; status: IndexStatus }
  | { type: 'reply'; id: number; ok: true; value: IndexSearchResult | null }
  | { type: 'reply'; id: number; ok: false; message: string }
  | { type: 'log'; message: string; detail?: string };

/**
 * A note's new content: its search fields as the backend read them from the note's model
 * (so the indexer need not parse the note again), or its text, or null when it could not
 * be read (indexed by title and aliases only).
 */
export interface NoteUpsert extends NoteMeta {
  text: string | NoteFields | null;
}

export interface IndexerOptions {
  index?: FullTextIndexOptions;
  /** Wait this long after the last change before writing the cache. Default 2000 ms. */
  cacheDebounceMs?: number;
  /** Write the cache at least this often while changes keep coming. Default 30000 ms. */
  cacheMaxWaitMs?: number;
  /** At most one progress status per this many ms while building. Default 100 ms. */
  statusIntervalMs?: number;
  /** Notes read at the same time while building. Default 16. */
  readConcurrency?: number;
}
