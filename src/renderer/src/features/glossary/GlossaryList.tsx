import type { EntrySummary } from '@shared/domain/glossary';
import { useCallback } from 'react';
import { FilterableListbox } from '../../ui/FilterableListbox';
import { useEntryLinkCounts } from '../links/useEntryLinkCounts';
import '../links/linkCount.css';

export interface GlossaryListProps {
  entries: EntrySummary[];
  /** The entry shown in the reader (main view or reference pane), marked as selected. */
  selectedId: string | null;
  onOpen(id: string): void;
}

const keyOf = (entry: EntrySummary) => entry.id;
const searchTextOf = (entry: EntrySummary) => [entry.title, ...entry.aliases];

/** The glossary section of the sidebar: the entries alphabetically, with a filter, and how many notes link to each. */
export function GlossaryList({ entries, selectedId, onOpen }: GlossaryListProps) {
  const counts = useEntryLinkCounts();
  const renderItem = useCallback(
    (entry: EntrySummary) => {
      const count = counts?.[entry.id] ?? 0;
      return (
        <>
          <span className="item-title">{entry.title}</span>
          {count > 0 && (
            <>
              <span className="link-count" aria-hidden="true" title={linkCountLabel(count)}>
                {count}
              </span>
              <span className="visually-hidden">, {linkCountLabel(count)}</span>
            </>
          )}
        </>
      );
    },
    [counts],
  );
  return (
    <FilterableListbox
      className="glossary-list"
      label="Glossary"
      items={entries}
      keyOf={keyOf}
      searchTextOf={searchTextOf}
      renderItem={renderItem}
      selectedKey={selectedId}
      onOpen={onOpen}
      filterPlaceholder="Filter entries"
    />
  );
}

function linkCountLabel(count: number): string {
  return count === 1 ? '1 note links here' : `${count} notes link here`;
}
