import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { scrollParentOf, useScrollParent, VIRTUALIZE_ABOVE } from './FilterableListbox';
import { ListboxSection } from './ListboxSection';
import { nextListIndex } from './listNavigation';
import { withThousands } from './formatCount';

const ESTIMATED_ROW = 34;
/** Rows asked for before and after those in view. */
const AHEAD = 60;
/**
 * Rows of a long list in its first frame, before the virtualizer places them: as many as the
 * window's height can show (the list is never taller), no more: those rows are most of the
 * first screen's elements (issue #15).
 */
const firstFrameRows = () => Math.ceil(window.innerHeight / ESTIMATED_ROW);

/** One filter's rows as far as they are loaded (see GlossaryRows). */
export interface PagedRowsView<T> {
  /** The filter these rows answer. */
  filter: string;
  /** Matching rows; null until the first answer. */
  total: number | null;
  rowAt(index: number): T | undefined;
}

/** Where the rows come from: asked for by filter and by the range in view. */
export interface PagedRowsSource<T> {
  setFilter(filter: string): void;
  ensure(from: number, to: number): void;
  /** The row at `index`, asked for if not loaded. */
  rowAt(index: number): Promise<T | undefined>;
}

export interface PagedListboxProps<T> {
  label: string;
  view: PagedRowsView<T>;
  source: PagedRowsSource<T>;
  keyOf(item: T): string;
  renderItem(item: T): ReactNode;
  selectedKey: string | null;
  onOpen(key: string): void;
  filterPlaceholder: string;
  actions?: ReactNode;
  className?: string;
}

/**
 * A sidebar section like FilterableListbox (heading with the count of matching rows, a
 * filter box, a listbox with the same keys: arrows, PageUp/Down, Home/End, Enter, Escape),
 * for a list whose rows stay in the backend: the filter is the backend's, and only the rows
 * in view (and a few around them) are asked for and in the DOM, each with
 * aria-posinset/aria-setsize. A row not loaded yet shows as a placeholder.
 */
export function PagedListbox<T>(props: PagedListboxProps<T>) {
  const { label, view, source, keyOf, renderItem, selectedKey, onOpen } = props;
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState({ filter: '', index: 0 });
  const total = view.total ?? 0;
  const activeIndex = active.filter === view.filter ? Math.min(active.index, Math.max(0, total - 1)) : 0;
  const activeRow = total > 0 ? view.rowAt(activeIndex) : undefined;
  const baseId = useId();
  const optionId = (key: string) => `${baseId}-option-${encodeURIComponent(key)}`;
  const activeId = activeRow ? optionId(keyOf(activeRow)) : undefined;

  const virtual = total > VIRTUALIZE_ABOVE;
  // The first frame shows the first rows as a plain list; the virtualizer takes over right
  // after it is painted: its first layout of every row (about 20–40 ms at 120,000, and
  // again once the list's place in its scroller is known) is then not part of the first
  // render (issue #15: the glossary's first rows within 300 ms of opening the window).
  const [placed, setPlaced] = useState(false);
  useEffect(() => {
    if (!virtual || placed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPlaced(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [virtual, placed]);
  const virtualOn = virtual && placed;
  const listRef = useRef<HTMLUListElement>(null);
  const { scroller, scrollMargin } = useScrollParent(listRef, virtualOn);
  // The compiler skips this component (the virtualizer's functions are not memoizable).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    // No rows until the list's place in its scroller is known (measured before the first
    // paint): every change of the count or of the scroll margin makes the virtualizer lay
    // out all the rows again, about 20 ms at 120,000 (issue #15: the first render).
    count: virtualOn && scroller ? total : 0,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 8,
    scrollMargin,
    // Sizes are kept by position (the virtualizer's default key), not by entry: a key function
    // is a new closure on each render, which makes the virtualizer walk every row again, and
    // a row's key would change as it loads. A row measured at a position another filter gives
    // to a row of another height is measured again when shown.
  });
  const items = virtualOn ? virtualizer.getVirtualItems() : [];
  const first = virtualOn ? (items[0]?.index ?? 0) : 0;
  const end = virtualOn
    ? items.length
      ? items[items.length - 1]!.index + 1
      : 0
    : virtual
      ? Math.min(total, firstFrameRows())
      : total;
  // Rows a little beyond the view are asked for too, so a scroll meets loaded rows.
  useEffect(() => source.ensure(Math.max(0, first - AHEAD), end + AHEAD), [source, view, first, end]);

  function changeFilter(value: string) {
    setFilter(value);
    source.setFilter(value);
  }

  function move(index: number) {
    setActive({ filter: view.filter, index });
    if (virtualOn) virtualizer.scrollToIndex(index, { align: 'auto' });
    else {
      const row = view.rowAt(index);
      if (row) document.getElementById(optionId(keyOf(row)))?.scrollIntoView({ block: 'nearest' });
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    const inFilter = event.currentTarget.tagName === 'INPUT';
    // After a scroll that left the active row out of view, the arrows go on from the rows in
    // view (as in a file list): ArrowDown to the first of them, ArrowUp to the last.
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && listRef.current) {
      const shown = rowsInView(listRef.current, scroller ?? scrollParentOf(listRef.current));
      if (shown && (activeIndex < shown.first || activeIndex > shown.last)) {
        move(event.key === 'ArrowDown' ? shown.first : shown.last);
        event.preventDefault();
        return;
      }
    }
    const next = nextListIndex(event.key, activeIndex, total, { homeEnd: !inFilter });
    if (next !== null) {
      move(next);
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'Enter':
        if (activeRow) onOpen(keyOf(activeRow));
        else if (activeIndex < total)
          void source.rowAt(activeIndex).then(
            (row) => row && onOpen(keyOf(row)),
            () => undefined,
          );
        break;
      case 'Escape':
        if (!filter) return;
        changeFilter('');
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const option = (at: number, style?: React.CSSProperties) => {
    const row = view.rowAt(at);
    const common = {
      role: 'option',
      'aria-posinset': virtual ? at + 1 : undefined,
      'aria-setsize': virtual ? total : undefined,
      'data-index': at,
      ref: virtualOn ? virtualizer.measureElement : undefined,
      style,
    } as const;
    if (!row)
      return (
        <li key={`#${at}`} {...common} aria-selected={false} aria-busy="true" className="row-pending">
          …
        </li>
      );
    const key = keyOf(row);
    return (
      <li
        key={key}
        id={optionId(key)}
        {...common}
        aria-selected={key === selectedKey}
        data-active={at === activeIndex || undefined}
        onClick={() => {
          setActive({ filter: view.filter, index: at });
          onOpen(key);
        }}
      >
        {renderItem(row)}
      </li>
    );
  };

  const plain: number[] = [];
  if (!virtualOn) for (let at = 0; at < end; at++) if (view.rowAt(at)) plain.push(at);
  return (
    <ListboxSection
      baseId={baseId}
      label={label}
      // 120,005, not 120005: a pack can be dictionary-sized.
      count={view.total === null ? '' : withThousands(view.total)}
      actions={props.actions}
      className={props.className}
      filterPlaceholder={props.filterPlaceholder}
      filter={filter}
      onFilterChange={changeFilter}
      activeId={activeId}
      onKeyDown={onKeyDown}
      listRef={listRef}
      virtualHeight={virtualOn ? virtualizer.getTotalSize() : null}
      footer={view.total === 0 && view.filter !== '' && <p className="empty-hint">Nothing matches “{view.filter}”.</p>}
    >
      {virtualOn
        ? items.map((item) => option(item.index, { transform: `translateY(${item.start - scrollMargin}px)` }))
        : plain.map((at) => option(at))}
    </ListboxSection>
  );
}

/**
 * The first and last rows (their `data-index`) of `list` wholly in view in `scroller` (a
 * row cut by an edge counts when nothing else is in view); null when none is.
 */
export function rowsInView(list: HTMLElement, scroller: HTMLElement): { first: number; last: number } | null {
  const frame = scroller.getBoundingClientRect();
  const page = scroller === scroller.ownerDocument.scrollingElement;
  const top = page ? 0 : frame.top;
  const bottom = page ? (scroller.ownerDocument.defaultView?.innerHeight ?? frame.bottom) : frame.bottom;
  let whole: { first: number; last: number } | null = null;
  let cut: { first: number; last: number } | null = null;
  for (const row of Array.from(list.querySelectorAll<HTMLElement>('[role="option"][data-index]'))) {
    const rect = row.getBoundingClientRect();
    if (rect.height === 0 || rect.bottom <= top || rect.top >= bottom) continue;
    const index = Number(row.dataset.index);
    const inside = rect.top >= top - 1 && rect.bottom <= bottom + 1;
    const range: { first: number; last: number } | null = inside ? whole : cut;
    const next: { first: number; last: number } = range
      ? { first: Math.min(range.first, index), last: Math.max(range.last, index) }
      : { first: index, last: index };
    if (inside) whole = next;
    else cut = next;
  }
  return whole ?? cut;
}
