import type { KeyboardEvent, ReactNode, RefObject } from 'react';

export interface ListboxSectionProps {
  /** From useId: the heading, list and option ids derive from it. */
  baseId: string;
  label: string;
  /** The number shown beside the heading. */
  count: ReactNode;
  actions?: ReactNode;
  className?: string;
  filterPlaceholder: string;
  filter: string;
  onFilterChange(value: string): void;
  /** The active option's id (aria-activedescendant of the filter and the list). */
  activeId: string | undefined;
  onKeyDown(event: KeyboardEvent): void;
  listRef: RefObject<HTMLUListElement | null>;
  /** The virtualizer's total height when the list is virtual, else null. */
  virtualHeight: number | null;
  /** The options. */
  children: ReactNode;
  /** Hints under the list (nothing matches, empty). */
  footer?: ReactNode;
}

/**
 * The shell of a sidebar list (FilterableListbox, PagedListbox): a heading with a count, a
 * filter box that drives the list by keyboard, and the listbox, virtual or plain.
 */
export function ListboxSection({
  baseId,
  label,
  count,
  actions,
  className,
  filterPlaceholder,
  filter,
  onFilterChange,
  activeId,
  onKeyDown,
  listRef,
  virtualHeight,
  children,
  footer,
}: ListboxSectionProps) {
  const listId = `${baseId}-list`;
  return (
    <section className={`sidebar-section ${className ?? ''}`} aria-labelledby={`${baseId}-heading`}>
      <div className="sidebar-heading">
        <h2 id={`${baseId}-heading`}>
          {label} <span className="count">{count}</span>
        </h2>
        {actions}
      </div>
      <input
        className="filter"
        type="search"
        placeholder={filterPlaceholder}
        aria-label={`Filter ${label.toLowerCase()}`}
        aria-controls={listId}
        aria-activedescendant={activeId}
        value={filter}
        onChange={(event) => onFilterChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={label}
        tabIndex={0}
        aria-activedescendant={activeId}
        onKeyDown={onKeyDown}
        className={virtualHeight !== null ? 'virtual-list' : undefined}
        style={virtualHeight !== null ? { height: virtualHeight } : undefined}
      >
        {children}
      </ul>
      {footer}
    </section>
  );
}
