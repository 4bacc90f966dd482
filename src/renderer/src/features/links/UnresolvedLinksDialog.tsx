import { attachmentKindOf } from '@shared/domain/attachments';
import type { UnresolvedLink } from '@shared/domain/links';
import { useId } from 'react';
import { Modal } from '../../ui/Modal';
import { useApi } from '../../api/ApiContext';
import { useLiveLoad } from './useLiveLoad';

export interface UnresolvedLinksDialogProps {
  onOpenNote(path: string): void;
  onCreate(target: string): void;
  onClose(): void;
}

/**
 * Every link target in the vault that nothing answers to, with the notes that use it: open
 * a note to fix the link, or create the missing note. Stays current while open.
 */
export function UnresolvedLinksDialog({ onOpenNote, onCreate, onClose }: UnresolvedLinksDialogProps) {
  const api = useApi();
  const titleId = useId();
  const load = useLiveLoad<UnresolvedLink[]>(api, 'vault', () => api.listUnresolvedLinks());
  const list = load.value;
  return (
    <Modal labelledBy={titleId} onCancel={() => onClose()} className="unresolved-dialog">
      <div className="unresolved-head">
        <h2 id={titleId}>Unresolved links {list && <span className="backlinks-count">{list.length}</span>}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <p className="dialog-body">
        Links to notes that do not exist yet. Create the note, or open a note to fix its link.
      </p>
      <div className="unresolved-body">
        {list === null ? (
          <p className="backlinks-empty">{load.error ? `Could not load: ${load.error}` : 'Loading…'}</p>
        ) : list.length === 0 ? (
          <p className="backlinks-empty">Every link in the vault reaches a note or a glossary entry.</p>
        ) : (
          <ul className="unresolved-list">
            {list.map((link) => (
              <li key={link.target} className="unresolved-item">
                <div className="unresolved-target">
                  <span className="unresolved-name">{link.target}</span>
                  {attachmentKindOf(link.target) === null ? (
                    <button
                      type="button"
                      className="text-button"
                      onClick={() => onCreate(link.target)}
                      aria-label={`Create note “${link.target}”`}
                    >
                      Create note
                    </button>
                  ) : (
                    <span className="backlinks-count">missing file</span>
                  )}
                </div>
                <ul className="unresolved-sources" aria-label={`Notes linking to “${link.target}”`}>
                  {link.sources.map((source) => (
                    <li key={source.path}>
                      <button type="button" className="link-button" onClick={() => onOpenNote(source.path)}>
                        {source.title}
                      </button>
                      {source.count > 1 && <span className="outgoing-times">×{source.count}</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
