import type { EntryRows, EntrySummary } from '@shared/domain/glossary';

/** Rows asked for per call: a page is a few screens of the sidebar. */
export const ROW_PAGE = 100;

/** What the glossary list shows: one filter's rows, loaded a page at a time. */
export interface GlossaryRowsView {
  /** The filter these rows answer (the box may already hold a newer one). */
  filter: string;
  /** Matching entries; null until the first answer. */
  total: number | null;
  /** Entries in the glossary with no filter. */
  all: number | null;
  rowAt(index: number): EntrySummary | undefined;
}

type Fetch = (args: { filter: string; offset: number; limit: number }) => Promise<EntryRows>;

/**
 * The glossary list's rows, asked of the backend a page at a time (listEntryRows), so the
 * page never holds a whole 120,000-entry pack: the list asks for the rows in view
 * ({@link ensure}), a filter asks for its first page, a glossary change asks again.
 *
 * Every request carries the generation it was made for (filter and glossary version); an
 * answer from an older generation is dropped, so a slow answer for "ba" can never replace
 * the rows of "bank" typed since. The rows shown switch to a new filter only when its
 * first page arrives (the old rows stay until then, not an empty list).
 */
export class GlossaryRows {
  private generation = 0;
  /** The generation the view shows. */
  private shown = 0;
  private wanted = '';
  private pages = new Map<number, EntrySummary[]>();
  private pending = new Set<number>();
  private view: GlossaryRowsView;
  private readonly listeners = new Set<() => void>();

  /**
   * @param first The answer for the first page with no filter, when the caller already has
   *   it (the start-up calls ask for it, see loadStartup): shown at once, not asked again.
   */
  constructor(
    private readonly fetch: Fetch,
    first?: EntryRows,
  ) {
    this.view = this.makeView('', null, null, new Map());
    if (first) {
      this.generation = this.shown = 1;
      this.pages.set(0, first.rows);
      this.view = this.makeView('', first.total, first.all, this.pages);
    } else {
      this.setFilter('');
    }
  }

  /** The current view; a new object whenever it changes (for useSyncExternalStore). */
  readonly snapshot = (): GlossaryRowsView => this.view;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Shows the rows for `filter` once its first page arrives. */
  setFilter(filter: string): void {
    if (filter === this.wanted && this.generation > 0) return;
    this.wanted = filter;
    this.restart();
  }

  /** The glossary changed (a pack imported, hidden, removed): asks for the rows again. */
  refresh(): void {
    this.restart();
  }

  /** Asks for the pages holding rows [from, to) of the current generation, if missing. */
  ensure(from: number, to: number): void {
    if (this.shown !== this.generation || this.view.total === null) return;
    const last = Math.min(to, this.view.total);
    for (let page = Math.floor(Math.max(0, from) / ROW_PAGE); page * ROW_PAGE < last; page++) this.request(page);
  }

  /** The row at `index` of the current generation, asked for if not loaded yet. */
  async rowAt(index: number): Promise<EntrySummary | undefined> {
    const known = this.view.rowAt(index);
    if (known || this.view.total === null || index >= this.view.total) return known;
    const generation = this.generation;
    const answer = await this.fetch({ filter: this.wanted, offset: index, limit: 1 });
    return generation === this.generation ? answer.rows[0] : undefined;
  }

  private restart(): void {
    this.generation++;
    // The view keeps the old pages until the new generation's first answer.
    this.pages = new Map();
    this.pending = new Set();
    this.request(0);
  }

  private request(page: number): void {
    if (this.pages.has(page) || this.pending.has(page)) return;
    const generation = this.generation;
    const filter = this.wanted;
    this.pending.add(page);
    this.fetch({ filter, offset: page * ROW_PAGE, limit: ROW_PAGE }).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.pending.delete(page);
        this.pages.set(page, answer.rows);
        this.shown = generation;
        this.view = this.makeView(filter, answer.total, answer.all, this.pages);
        this.emit();
      },
      () => {
        if (generation === this.generation) this.pending.delete(page);
      },
    );
  }

  private makeView(
    filter: string,
    total: number | null,
    all: number | null,
    pages: Map<number, EntrySummary[]>,
  ): GlossaryRowsView {
    return {
      filter,
      total,
      all,
      rowAt: (index) => pages.get(Math.floor(index / ROW_PAGE))?.[index % ROW_PAGE],
    };
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
