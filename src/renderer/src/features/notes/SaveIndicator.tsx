import type { SaveState } from './NoteSession';

/** Always-visible save status of the open note, with a retry after a failure. */
export function SaveIndicator({ state, onRetry }: { state: SaveState; onRetry(): void }) {
  return (
    <div className={`save-indicator save-${state.kind}`} role="status" aria-live="polite" aria-label="Save status">
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
  );
}
