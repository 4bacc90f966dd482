import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useDeferredValue,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { createFilterIndex } from './filterIndex';
import { ListboxSection } from './ListboxSection';
import { nextListIndex } from './listNavigation';

/** Lists longer than this render only the rows in view (and a few around them). */
export const VIRTUALIZE_ABOVE = 200;
/** A one-line row's height, for rows not measured yet (padding 6 + line 20 + border). */
const ESTIMATED_ROW = 34;

export interface FilterableListboxProps<T> {
  /** The section heading, e.g. "Glossary"; also the listbox's accessible name. */
  label: string;
  items: readonly T[];
  keyOf(item: T): string;
  /** Texts the filter matches against (title, aliases, folder…). Keep it stable: items are folded once per list. */
  searchTextOf(item: T): readonly string[];
  /** An option's content, which is also its accessible name (separate its parts with NameSeparator). */
  renderItem(item: T): ReactNode;
  selectedKey: string | null;
  onOpen(key: string): void;
  filterPlaceholder: string;
  /** Shown when the list itself is empty (not filtered empty). */
  emptyText?: ReactNode;
  /** Extra controls in the heading row (e.g. a "New note" button). */
  actions?: ReactNode;
  className?: string;
}

/**
 * A sidebar section: heading with a count, a filter box, and a listbox. Keyboard:
 * arrows (also from the filter box), Home/End move; Enter opens; Escape clears the
 * filter. Filtering matches every word, ignoring case and diacritics.
 *
 * Above {@link VIRTUALIZE_ABOVE} rows only the rows in view are in the DOM (each with
 * aria-posinset/aria-setsize, so screen readers still hear "12 of 120,000"); the list
 * scrolls with its nearest scrolling ancestor (the sidebar), not in a box of its own.
 */
export function FilterableListbox<T>(props: FilterableListboxProps<T>) {
  const { label, items, keyOf, searchTextOf, renderItem, selectedKey, onOpen } = props;
  const [filter, setFilter] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(selectedKey);
  const index = useMemo(() => createFilterIndex(items, searchTextOf), [items, searchTextOf]);
  // The box shows every keystroke at once; a long list follows when React has time.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => index.filter(deferredFilter), [index, deferredFilter]);
  const baseId = useId();
  const optionId = (key: string) => `${baseId}-option-${encodeURIComponent(key)}`;

  const activeIndex = useMemo(() => {
    const found = activeKey === null ? -1 : visible.findIndex((item) => keyOf(item) === activeKey);
    return Math.max(0, found);
  }, [visible, activeKey, keyOf]);
  const active = visible[activeIndex];
  const activeId = active ? optionId(keyOf(active)) : undefined;

  const virtual = visible.length > VIRTUALIZE_ABOVE;
  const listRef = useRef<HTMLUListElement>(null);
  const { scroller, scrollMargin } = useScrollParent(listRef, virtual);
  // The compiler skips this component (the virtualizer's functions are not memoizable); its
  // callers are memoized instead, which is what keeps typing in a note cheap.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: virtual ? visible.length : 0,
    getScrollElement: () => scroller,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 8,
    scrollMargin,
    getItemKey: (at) => keyOf(visible[at]!),
  });

  function reveal(at: number, key: string) {
    if (virtual) virtualizer.scrollToIndex(at, { align: 'auto' });
    else document.getElementById(optionId(key))?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(event: KeyboardEvent) {
    const inFilter = event.currentTarget.tagName === 'INPUT';
    const next = nextListIndex(event.key, activeIndex, visible.length, { homeEnd: !inFilter });
    if (next !== null) {
      const target = visible[next]!;
      setActiveKey(keyOf(target));
      reveal(next, keyOf(target));
      event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'Enter':
        if (active) onOpen(keyOf(active));
        break;
      case 'Escape':
        if (!filter) return;
        setFilter('');
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  const option = (item: T, at: number, style?: React.CSSProperties) => {
    const key = keyOf(item);
    return (
      <li
        key={key}
        id={optionId(key)}
        role="option"
        aria-selected={key === selectedKey}
        aria-posinset={virtual ? at + 1 : undefined}
        aria-setsize={virtual ? visible.length : undefined}
        data-index={virtual ? at : undefined}
        data-active={item === active || undefined}
        ref={virtual ? virtualizer.measureElement : undefined}
        style={style}
        onClick={() => {
          setActiveKey(key);
          onOpen(key);
        }}
      >
        {renderItem(item)}
      </li>
    );
  };

  const rows = virtual ? virtualizer.getVirtualItems() : [];
  return (
    <ListboxSection
      baseId={baseId}
      label={label}
      count={items.length}
      actions={props.actions}
      className={props.className}
      filterPlaceholder={props.filterPlaceholder}
      filter={filter}
      onFilterChange={setFilter}
      activeId={activeId}
      onKeyDown={onKeyDown}
      listRef={listRef}
      virtualHeight={virtual ? virtualizer.getTotalSize() : null}
      footer={
        <>
          {items.length === 0 && props.emptyText && <p className="empty-hint">{props.emptyText}</p>}
          {items.length > 0 && visible.length === 0 && <p className="empty-hint">Nothing matches “{filter}”.</p>}
        </>
      }
    >
      {virtual
        ? rows.map((row) =>
            option(visible[row.index]!, row.index, { transform: `translateY(${row.start - scrollMargin}px)` }),
          )
        : visible.map((item, at) => option(item, at))}
    </ListboxSection>
  );
}

/**
 * The nearest scrolling ancestor of the list and where the list starts inside its content
 * (the virtualizer's scroll margin), followed as the sections above it change size.
 */
export function useScrollParent(listRef: React.RefObject<HTMLElement | null>, enabled: boolean) {
  const [state, setState] = useState<{ scroller: HTMLElement | null; scrollMargin: number }>({
    scroller: null,
    scrollMargin: 0,
  });
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!enabled || !list) return;
    const scroller = scrollParentOf(list);
    const measure = () => {
      const margin = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setState((current) =>
        current.scroller === scroller && Math.abs(current.scrollMargin - margin) < 0.5
          ? current
          : { scroller, scrollMargin: margin },
      );
    };
    measure();
    // The notes list above the glossary grows and shrinks; the list's own size does not move its start.
    const observer = new ResizeObserver(measure);
    for (const child of Array.from(scroller.children)) if (!child.contains(list)) observer.observe(child);
    let node: Element | null = list;
    while (node && node !== scroller) {
      const parent: Element | null = node.parentElement;
      for (const sibling of Array.from(parent?.children ?? []))
        if (sibling !== node && !sibling.contains(list)) observer.observe(sibling);
      node = parent;
    }
    return () => observer.disconnect();
  }, [listRef, enabled]);
  return state;
}

/** The element that scrolls `element` (its nearest ancestor with overflow auto or scroll, else the page). */
export function scrollParentOf(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return document.scrollingElement instanceof HTMLElement ? document.scrollingElement : document.body;
}
