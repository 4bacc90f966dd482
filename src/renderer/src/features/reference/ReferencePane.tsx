import { EntryReader } from '../glossary/EntryReader';

export interface ReferencePaneProps {
  entryId: string;
  onClose(): void;
  onOpenInMain(id: string): void;
}

/** A glossary entry beside the note being written: read-only, closable, resizable by the app shell. */
export function ReferencePane({ entryId, onClose, onOpenInMain }: ReferencePaneProps) {
  return (
    <aside className="reference-pane" aria-label="Reference">
      <div className="pane-toolbar">
        <span className="pane-label">Reference</span>
        <div className="pane-actions">
          <button type="button" className="text-button" onClick={() => onOpenInMain(entryId)}>
            Open full view
          </button>
          <button type="button" className="icon-button" aria-label="Close reference" title="Close" onClick={onClose}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      </div>
      {/* Focusable, so the keyboard can scroll the entry (it holds nothing else to focus). */}
      <div className="reference-scroll" tabIndex={0} role="region" aria-label="Reference entry">
        <EntryReader id={entryId} compact />
      </div>
    </aside>
  );
}
