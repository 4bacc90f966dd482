import type { NoteSummary } from '@shared/domain/note';
import { memo } from 'react';
import { FilterableListbox } from '../../ui/FilterableListbox';
import { formatRelativeTime } from '../../ui/formatRelativeTime';
import { NameSeparator } from '../../ui/NameSeparator';

export interface NotesListProps {
  notes: NoteSummary[];
  selectedPath: string | null;
  onOpen(path: string): void;
  onCreate(): void;
}

const keyOf = (note: NoteSummary) => note.path;
const searchTextOf = (note: NoteSummary) => [note.title, note.folder, ...note.aliases, ...note.tags];
const renderItem = (note: NoteSummary) => (
  <>
    <span className="item-title">{note.title}</span>
    <NameSeparator />
    <span className="item-meta">
      {note.folder && <span className="item-folder">{note.folder} · </span>}
      <time dateTime={note.modified}>{formatRelativeTime(note.modified)}</time>
    </span>
  </>
);

/**
 * The notes section of the sidebar: most recently modified first, with a filter. Memoized:
 * it renders again only when its props change (give it stable handlers).
 */
export const NotesList = memo(function NotesList({ notes, selectedPath, onOpen, onCreate }: NotesListProps) {
  return (
    <FilterableListbox
      className="notes-list"
      label="Notes"
      items={notes}
      keyOf={keyOf}
      searchTextOf={searchTextOf}
      renderItem={renderItem}
      selectedKey={selectedPath}
      onOpen={onOpen}
      filterPlaceholder="Filter notes"
      emptyText="No notes yet. Create one to start writing."
      actions={
        <button
          type="button"
          className="icon-button"
          aria-label="New note"
          title="New note (Ctrl+N)"
          onClick={onCreate}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      }
    />
  );
});
