import type { EntrySummary } from '@shared/domain/glossary';
import { FilterableListbox } from '../../ui/FilterableListbox';

export interface GlossaryListProps {
  entries: EntrySummary[];
  /** The entry shown in the reader (main view or reference pane), marked as selected. */
  selectedId: string | null;
  onOpen(id: string): void;
}

const keyOf = (entry: EntrySummary) => entry.id;
const searchTextOf = (entry: EntrySummary) => [entry.title, ...entry.aliases];
const renderItem = (entry: EntrySummary) => <span className="item-title">{entry.title}</span>;

/** The glossary section of the sidebar: the entries alphabetically, with a filter. */
export function GlossaryList({ entries, selectedId, onOpen }: GlossaryListProps) {
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
