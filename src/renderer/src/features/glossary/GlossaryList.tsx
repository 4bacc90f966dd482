import type { EntrySummary } from '@shared/domain/glossary';
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { filterEntries } from './filterEntries';

export interface GlossaryListProps {
  entries: EntrySummary[];
  /** The entry shown in the reader, marked as selected. */
  selectedId: string | null;
  onOpen(id: string): void;
}

/**
 * The glossary section of the sidebar: a filter box over an alphabetical list.
 * Keyboard: arrows (also from the filter box), Home/End move; Enter opens; Escape
 * clears the filter.
 */
export function GlossaryList({ entries, selectedId, onOpen }: GlossaryListProps) {
  const [filter, setFilter] = useState('');
  const [activeId, setActiveId] = useState<string | null>(selectedId);
  const visible = useMemo(() => filterEntries(entries, filter), [entries, filter]);
  const baseId = useId();
  const listId = `${baseId}-list`;
  const optionId = (id: string) => `${baseId}-option-${id}`;

  const activeIndex = Math.max(
    0,
    visible.findIndex((entry) => entry.id === activeId),
  );
  const active = visible[activeIndex];

  function onKeyDown(event: KeyboardEvent) {
    const last = visible.length - 1;
    const move = (index: number) => {
      const target = visible[Math.min(Math.max(index, 0), last)];
      if (!target) return;
      setActiveId(target.id);
      document.getElementById(optionId(target.id))?.scrollIntoView({ block: 'nearest' });
    };
    switch (event.key) {
      case 'ArrowDown':
        move(activeIndex + 1);
        break;
      case 'ArrowUp':
        move(activeIndex - 1);
        break;
      case 'Home':
        if (event.currentTarget.tagName === 'INPUT') return;
        move(0);
        break;
      case 'End':
        if (event.currentTarget.tagName === 'INPUT') return;
        move(last);
        break;
      case 'Enter':
        if (active) onOpen(active.id);
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
    <section className="glossary-list" aria-labelledby={`${baseId}-heading`}>
      <h2 id={`${baseId}-heading`} className="sidebar-heading">
        Glossary <span className="count">{entries.length}</span>
      </h2>
      <input
        className="filter"
        type="search"
        placeholder="Filter entries"
        aria-label="Filter glossary"
        aria-controls={listId}
        aria-activedescendant={active ? optionId(active.id) : undefined}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Glossary"
        tabIndex={0}
        aria-activedescendant={active ? optionId(active.id) : undefined}
        onKeyDown={onKeyDown}
      >
        {visible.map((entry) => (
          <li
            key={entry.id}
            id={optionId(entry.id)}
            role="option"
            aria-selected={entry.id === selectedId}
            data-active={entry.id === active?.id || undefined}
            onClick={() => {
              setActiveId(entry.id);
              onOpen(entry.id);
            }}
          >
            {entry.title}
          </li>
        ))}
      </ul>
      {visible.length === 0 && <p className="empty-hint">No entry matches “{filter}”.</p>}
    </section>
  );
}
