import type { EntryRows, EntrySummary } from '@shared/domain/glossary';
import { memo, useCallback, useMemo } from 'react';
import { useApi } from '../../api/ApiContext';
import { PagedListbox } from '../../ui/PagedListbox';
import { MenuButton } from '../../ui/MenuButton';
import { useEntryLinkCounts } from '../links/useEntryLinkCounts';
import { usePacks } from '../packs/usePacks';
import '../links/linkCount.css';
import './glossaryList.css';
import { useGlossaryRows } from './useGlossaryRows';

export interface GlossaryListProps {
  /** The list's first page with no filter, when the start-up calls brought it (see loadStartup). */
  firstPage?: EntryRows;
  /** The entry shown in the reader (main view or reference pane), marked as selected. */
  selectedId: string | null;
  onOpen(id: string): void;
  /** The section's menu: "Add reference pack…". */
  onAddPack(): void;
  /** The section's menu: "Manage reference packs…". */
  onManagePacks(): void;
}

const keyOf = (entry: EntrySummary) => entry.id;

/**
 * The glossary section of the sidebar: the entries alphabetically (asked of the backend a
 * page at a time, see GlossaryRows), with a filter, how many
 * notes link to each and, when several reference packs are shown, the pack of each (and, for
 * entries sharing a title, the first words of their definitions); its
 * menu adds and manages packs. Memoized with stable handlers, so typing in a note does not
 * render the list again.
 */
export const GlossaryList = memo(function GlossaryList({
  firstPage,
  selectedId,
  onOpen,
  onAddPack,
  onManagePacks,
}: GlossaryListProps) {
  const api = useApi();
  // Its own rows, so a page arriving renders the list alone, not the notebook around it.
  const { rows, view } = useGlossaryRows(api, firstPage);
  const counts = useEntryLinkCounts();
  const { packs } = usePacks(api);
  const packNames = useMemo(() => {
    const shown = (packs ?? []).filter((pack) => !pack.hidden);
    return { all: new Map(shown.map((pack) => [pack.id, pack.name])), several: shown.length > 1 };
  }, [packs]);
  const renderItem = useCallback(
    (entry: EntrySummary) => {
      const count = counts?.[entry.id] ?? 0;
      // The pack shows when several are listed, and always for an entry whose title others
      // share (with the first words of its definition), so the entries can be told apart.
      const pack = entry.packId && (packNames.several || entry.hint) ? packNames.all.get(entry.packId) : undefined;
      return (
        <>
          <span className="item-title">{entry.title}</span>
          {pack && <span className="item-meta entry-pack">{pack}</span>}
          {entry.hint && <span className="item-meta entry-hint">{entry.hint}</span>}
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
    [counts, packNames],
  );
  return (
    <PagedListbox
      className="glossary-list"
      label="Glossary"
      view={view}
      source={rows}
      keyOf={keyOf}
      renderItem={renderItem}
      selectedKey={selectedId}
      onOpen={onOpen}
      filterPlaceholder="Filter entries"
      actions={
        <MenuButton
          label="Glossary options"
          items={[
            { id: 'add', label: 'Add reference pack…', run: onAddPack },
            { id: 'manage', label: 'Manage reference packs…', run: onManagePacks },
          ]}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <circle cx="3.5" cy="8" r="1.3" fill="currentColor" />
            <circle cx="8" cy="8" r="1.3" fill="currentColor" />
            <circle cx="12.5" cy="8" r="1.3" fill="currentColor" />
          </svg>
        </MenuButton>
      }
    />
  );
});

function linkCountLabel(count: number): string {
  return count === 1 ? '1 note links here' : `${count} notes link here`;
}
