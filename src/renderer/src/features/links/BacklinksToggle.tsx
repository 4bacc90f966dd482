import type { DocRef } from '@shared/domain/docRef';
import { useApi } from '../../api/ApiContext';
import { ariaKeyShortcut, shortcutLabel } from '../../ui/shortcuts';
import { TOGGLE_BACKLINKS_SHORTCUT } from './useSidePanel';
import { useLiveLoad } from './useLiveLoad';

/** How many notes link to `doc`, kept current; null until known. */
export function useLinkingNotes(doc: DocRef): number | null {
  const api = useApi();
  const key = doc.kind === 'entry' ? `entry:${doc.id}` : `note:${doc.path}`;
  return useLiveLoad(api, key, async () =>
    doc.kind === 'entry'
      ? ((await api.getEntryLinkCounts())[doc.id] ?? 0)
      : (await api.countLinksToNote({ path: doc.path })).notes,
  ).value;
}

/** The button beside a document's title that shows or hides its backlinks, with how many notes link to it. */
export function BacklinksToggle({ doc, open, onToggle }: { doc: DocRef; open: boolean; onToggle(): void }) {
  const count = useLinkingNotes(doc);
  const described =
    count === null ? 'Backlinks' : count === 1 ? 'Backlinks: 1 note links here' : `Backlinks: ${count} notes link here`;
  return (
    <button
      type="button"
      className="links-toggle"
      aria-pressed={open}
      aria-label={described}
      aria-keyshortcuts={ariaKeyShortcut(TOGGLE_BACKLINKS_SHORTCUT)}
      title={`${open ? 'Hide' : 'Show'} backlinks (${shortcutLabel(TOGGLE_BACKLINKS_SHORTCUT)})`}
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
        <path
          d="M6.5 9.5l3-3M7 4.5l1.2-1.2a2.6 2.6 0 013.7 3.7L10.7 8.2M9 11.5l-1.2 1.2a2.6 2.6 0 01-3.7-3.7l1.2-1.2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.4"
          strokeLinecap="round"
        />
      </svg>
      {count !== null && count > 0 && <span>{count}</span>}
    </button>
  );
}
