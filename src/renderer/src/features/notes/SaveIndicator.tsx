import { useState } from 'react';
import { Announcement } from '../../ui/Announcement';
import type { SaveState } from './NoteSession';
import { saveAnnouncement } from './saveAnnouncement';

/**
 * Always-visible save status of the open note, with a retry after a failure. It is a status
 * a screen reader can find, but not a live one: what is read aloud (a failure, and the save
 * that ends it) goes through its own announcement (see saveAnnouncement).
 */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  // The announcement follows the state during render (React's "adjust state on prop change").
  const [announced, setAnnounced] = useState({ state, message: saveAnnouncement('', state) });
  if (announced.state !== state) setAnnounced({ state, message: saveAnnouncement(announced.message, state) });
  return (
    <>
      <div className={`save-indicator save-${state.kind}`} role="status" aria-live="off" aria-label="Save status">
        <span className="save-dot" aria-hidden="true" />
        {state.kind === 'saved' && <span>Saved</span>}
        {state.kind === 'pending' && <span>Edited</span>}
        {state.kind === 'saving' && <span>Saving…</span>}
        {state.kind === 'failed' && (
          <>
            <span className="save-failed-text" title={state.message}>
              Not saved: {state.message}
            </span>
            <button type="button" className="text-button" onClick={onRetry}>
              Retry
            </button>
          </>
        )}
      </div>
      <Announcement message={announced.message} label="Save announcements" />
    </>
  );
}
