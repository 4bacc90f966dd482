import type { DocRef } from '@shared/domain/docRef';
import type { BacklinkList, MentionContext, OutgoingLink } from '@shared/domain/links';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import { BacklinksPanel } from '../backlinks/BacklinksPanel';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { QuotingNotes } from '../quotes/QuotingNotes';
import { useEntryHighlights } from '../highlights/useEntryHighlights';
import { OutgoingLinksPanel } from './OutgoingLinksPanel';
import { useLiveLoad } from './useLiveLoad';
import './sidePanel.css';

/** The views of the side panel beside the open document. */
export type SideTab = 'backlinks' | 'outgoing' | 'highlights' | 'reference';

export interface SidePanelProps {
  /** The document in the main view. */
  doc: DocRef;
  /** Its title (for the empty states). */
  title: string;
  /** The view shown. */
  tab: SideTab;
  onTab(tab: SideTab): void;
  /** Closes the whole panel. */
  onHide(): void;
  /** The glossary entry opened beside a note, when there is one (the Reference tab). */
  reference: ReactNode | null;
  onOpenMention(path: string, mention: MentionContext): void;
  onOpenLink(link: OutgoingLink): void;
  onCreateNote(target: string): void;
  onShowUnresolved(): void;
}

const LABELS: Record<SideTab, string> = {
  backlinks: 'Backlinks',
  outgoing: 'Outgoing links',
  highlights: 'Highlights',
  reference: 'Reference',
};

function keyOf(doc: DocRef): string {
  return doc.kind === 'entry' ? `entry:${doc.id}` : `note:${doc.path}`;
}

/**
 * The right-hand panel beside the open document, in tabs: Backlinks (linked and unlinked
 * mentions), Outgoing links (for a note), Highlights (for an entry: its highlights, margin
 * notes and orphans) and Reference (a glossary entry opened beside the note). Tabs follow the ARIA tabs pattern (arrow keys move between them).
 */
export function SidePanel(props: SidePanelProps) {
  const { doc, tab, onTab } = props;
  const api = useApi();
  const key = keyOf(doc);
  const linked = useLiveLoad<BacklinkList>(api, key, () => api.getBacklinks({ ref: doc }));
  const unlinked = useLiveLoad<BacklinkList>(api, key, () => api.getUnlinkedMentions({ ref: doc }));
  const outgoing = useLiveLoad<OutgoingLink[]>(api, doc.kind === 'note' ? key : null, () =>
    api.getOutgoingLinks({ path: doc.kind === 'note' ? doc.path : '' }),
  );
  const highlights = useEntryHighlights(api, doc.kind === 'entry' ? doc.id : null);
  const baseId = useId();
  const tabRefs = useRef(new Map<SideTab, HTMLButtonElement>());

  const tabs: SideTab[] = ['backlinks'];
  if (doc.kind === 'note') tabs.push('outgoing');
  if (doc.kind === 'entry') tabs.push('highlights');
  if (props.reference !== null) tabs.push('reference');
  const shown = tabs.includes(tab) ? tab : 'backlinks';
  const counts: Partial<Record<SideTab, number | undefined>> = {
    backlinks: linked.value?.count,
    outgoing: outgoing.value?.reduce((sum, link) => sum + link.count, 0),
    highlights: highlights.value?.highlights.length,
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.indexOf(shown);
    const next =
      event.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(index - 1 + tabs.length) % tabs.length]
          : event.key === 'Home'
            ? tabs[0]
            : event.key === 'End'
              ? tabs[tabs.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    // A landmark, so screen reader users can jump to it (the main view and the sidebar are too).
    <section className="side-panel" aria-label="Side panel">
      <div className="side-panel-bar">
        <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
          {tabs.map((id) => (
            <button
              key={id}
              ref={(element) => {
                if (element) tabRefs.current.set(id, element);
                else tabRefs.current.delete(id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${id}`}
              aria-selected={id === shown}
              aria-controls={`${baseId}-panel-${id}`}
              tabIndex={id === shown ? 0 : -1}
              className="side-tab"
              data-tab={id}
              onClick={() => onTab(id)}
            >
              {LABELS[id]}
              {counts[id] !== undefined && <span className="side-tab-count">{counts[id]}</span>}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" aria-label="Hide side panel" title="Hide" onClick={props.onHide}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <div
        className="side-panel-body"
        role="tabpanel"
        id={`${baseId}-panel-${shown}`}
        aria-label={LABELS[shown]}
        data-tab={shown}
      >
        {shown === 'backlinks' && (
          <BacklinksPanel
            doc={doc}
            title={props.title}
            linked={linked}
            unlinked={unlinked}
            onOpenMention={props.onOpenMention}
          />
        )}
        {shown === 'outgoing' && (
          <OutgoingLinksPanel
            links={outgoing}
            onOpen={props.onOpenLink}
            onCreate={props.onCreateNote}
            onShowUnresolved={props.onShowUnresolved}
          />
        )}
        {shown === 'highlights' && doc.kind === 'entry' && (
          <HighlightsPanel
            entryId={doc.id}
            highlights={highlights}
            quotedIn={
              <QuotingNotes
                linked={linked.value}
                highlights={highlights.value?.highlights ?? []}
                onOpenMention={props.onOpenMention}
              />
            }
          />
        )}
        {shown === 'reference' && props.reference}
      </div>
    </section>
  );
}
