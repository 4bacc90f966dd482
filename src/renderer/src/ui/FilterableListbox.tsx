import { matchesAllWords } from '@shared/text/matchesAllWords';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import { nextListIndex } from './listNavigation';

export interface FilterableListboxProps<T> {
  /** The section heading, e.g. "Glossary"; also the listbox's accessible name. */
  label: string;
  items: readonly T[];
  keyOf(item: T): string;
  /** Texts the filter matches against (title, aliases, folder…). */
  searchTextOf(item: T): string[];
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
 */
export function FilterableListbox<T>(props: FilterableListboxProps<T>) {
  const { label, items, keyOf, searchTextOf, renderItem, selectedKey, onOpen } = props;
  const [filter, setFilter] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(selectedKey);
  const visible = useMemo(
    () => items.filter((item) => matchesAllWords(searchTextOf(item), filter)),
    [items, filter, searchTextOf],
  );
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (key: string) => `${baseId}-option-${encodeURIComponent(key)}`;

  const activeIndex = Math.max(
    0,
    visible.findIndex((item) => keyOf(item) === activeKey),
  );
  const active = visible[activeIndex];
  const activeId = active ? optionId(keyOf(active)) : undefined;

  function onKeyDown(event: KeyboardEvent) {
    const inFilter = event.currentTarget.tagName === 'INPUT';
    const next = nextListIndex(event.key, activeIndex, visible.length, { homeEnd: !inFilter });
    if (next !== null) {
      const target = visible[next]!;
      setActiveKey(keyOf(target));
      document.getElementById(optionId(keyOf(target)))?.scrollIntoView({ block: 'nearest' });
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

  return (
    <section className={`sidebar-section ${props.className ?? ''}`} aria-labelledby={`${baseId}-heading`}>
      <div className="sidebar-heading">
        <h2 id={`${baseId}-heading`}>
          {label} <span className="count">{items.length}</span>
        </h2>
        {props.actions}
      </div>
      <input
        className="filter"
        type="search"
        placeholder={props.filterPlaceholder}
        aria-label={`Filter ${label.toLowerCase()}`}
        aria-controls={listId}
        aria-activedescendant={activeId}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={activeId}
        onKeyDown={onKeyDown}
      >
        {visible.map((item) => {
          const key = keyOf(item);
          return (
            <li
              key={key}
              id={optionId(key)}
              role="option"
              aria-selected={key === selectedKey}
              data-active={item === active || undefined}
              onClick={() => {
                setActiveKey(key);
                onOpen(key);
              }}
            >
              {renderItem(item)}
            </li>
          );
        })}
      </ul>
      {items.length === 0 && props.emptyText && <p className="empty-hint">{props.emptyText}</p>}
      {items.length > 0 && visible.length === 0 && <p className="empty-hint">Nothing matches “{filter}”.</p>}
    </section>
  );
}
