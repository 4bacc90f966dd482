import type { PlacedHighlight } from '@shared/domain/highlights';
import { useState, type ReactNode } from 'react';
import { useApi } from '../../api/ApiContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { shortcutLabel } from '../../ui/shortcuts';
import { COLOUR_NAMES, shorten } from './highlightLabels';
import { placedInOrder } from './highlightSegments';
import { readersOf } from './readerRegistry';
import { revealHighlight } from './revealHighlight';
import { HIGHLIGHT_SHORTCUT } from './useHighlightCommands';
import type { EntryHighlightsState } from './useEntryHighlights';

export interface HighlightsPanelProps {
  entryId: string;
  /** The entry's highlights (loaded by the side panel, which shows their count on its tab). */
  highlights: EntryHighlightsState;
  /** Shown after the highlights: the notes quoting this entry (added by the quotes feature). */
  quotedIn?: ReactNode;
}

function passageOf(highlight: PlacedHighlight): string {
  return highlight.selectors.quote.exact;
}

/**
 * The Highlights tab of an entry's side panel: its highlights in reading order (colour,
 * passage, margin note; pressing one shows it in the reader, flashed), then the orphans —
 * highlights whose passage is no longer in the entry's text — each with its text, to be
 * re-attached to a passage selected in the reader or deleted (after asking), then what could
 * not be read in the highlight file.
 */
export function HighlightsPanel({ entryId, highlights, quotedIn }: HighlightsPanelProps) {
  const api = useApi();
  const [message, setMessage] = useState('');
  const [deleting, setDeleting] = useState<PlacedHighlight | null>(null);
  const value = highlights.value;

  const reattach = async (highlight: PlacedHighlight) => {
    const place = readersOf(entryId)
      .map((reader) => reader.selection())
      .find((selection) => selection !== null);
    if (!place) {
      setMessage('Select the passage in the entry first, then press “Re-attach to selection”.');
      return;
    }
    try {
      await api.updateHighlight({ entryId, id: highlight.id, patch: { place } });
      setMessage('Highlight re-attached.');
      highlights.reload();
      document.getSelection()?.removeAllRanges();
    } catch (error) {
      setMessage(`Could not re-attach it: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const remove = async (highlight: PlacedHighlight) => {
    setDeleting(null);
    try {
      await api.deleteHighlight({ entryId, id: highlight.id });
      setMessage('Orphaned highlight deleted.');
      highlights.reload();
    } catch (error) {
      setMessage(`Could not delete it: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  if (value === null) {
    return (
      <div className="highlights-panel">
        <p className="backlinks-empty">
          {highlights.error ? `Could not load the highlights: ${highlights.error}` : 'Loading…'}
        </p>
        {quotedIn}
      </div>
    );
  }
  const placed = placedInOrder(value.highlights);
  const orphans = value.highlights.filter((highlight) => highlight.place === null);
  return (
    <div className="highlights-panel">
      {placed.length === 0 && orphans.length === 0 ? (
        <p className="backlinks-empty">
          No highlights yet.
          <span className="backlinks-hint">
            Select a passage in the entry to highlight it, or press <kbd>{shortcutLabel(HIGHLIGHT_SHORTCUT)}</kbd>.
          </span>
        </p>
      ) : (
        placed.length > 0 && (
          <section className="outgoing-group" aria-label="Highlights">
            <h3 className="outgoing-title">
              Highlights <span className="backlinks-count">{placed.length}</span>
            </h3>
            <ul className="highlights-list">
              {placed.map((highlight) => (
                <li key={highlight.id}>
                  <button
                    type="button"
                    className="highlights-item"
                    onClick={() => revealHighlight(entryId, highlight.id)}
                  >
                    <span className={`highlights-dot hl-dot-${highlight.colour}`} aria-hidden="true" />
                    <span className="visually-hidden">{COLOUR_NAMES[highlight.colour]}: </span>
                    <span className="highlights-passage">{shorten(passageOf(highlight), 220)}</span>
                    {highlight.note && (
                      <span className="highlights-note">
                        <span className="visually-hidden">Margin note: </span>
                        {highlight.note}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )
      )}
      {orphans.length > 0 && (
        <section className="outgoing-group highlights-orphans" aria-label="Orphaned highlights">
          <h3 className="outgoing-title">
            Orphaned <span className="backlinks-count">{orphans.length}</span>
          </h3>
          <p className="highlights-explain">
            Their passages are no longer in the entry’s text. Select where one belongs in the entry and re-attach it, or
            delete it.
          </p>
          <ul className="highlights-list">
            {orphans.map((highlight) => (
              <li key={highlight.id} className="highlights-orphan">
                <span className={`highlights-dot hl-dot-${highlight.colour}`} aria-hidden="true" />
                <div className="highlights-orphan-body">
                  <p className="highlights-passage">{passageOf(highlight)}</p>
                  {highlight.note && <p className="highlights-note">{highlight.note}</p>}
                  <div className="highlights-actions">
                    <button
                      type="button"
                      className="text-button"
                      // Pressing it must leave the selection in the reader where it is.
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => void reattach(highlight)}
                    >
                      Re-attach to selection
                    </button>
                    <button type="button" className="text-button danger" onClick={() => setDeleting(highlight)}>
                      Delete
                    </button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      {value.problems.length > 0 && (
        <section className="outgoing-group highlights-problems" aria-label="Problems in the highlight file">
          <h3 className="outgoing-title">Problems in {value.path ?? 'the highlight file'}</h3>
          <ul className="highlights-problem-list">
            {value.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </section>
      )}
      {quotedIn}
      <div className="visually-hidden" role="status">
        {message}
      </div>
      {message && (
        <p className="highlights-message" aria-hidden="true">
          {message}
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete this orphaned highlight?"
          confirmLabel="Delete"
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() => void remove(deleting)}
        >
          <p>“{shorten(passageOf(deleting), 200)}”</p>
          {deleting.note && <p>Its margin note goes with it.</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
