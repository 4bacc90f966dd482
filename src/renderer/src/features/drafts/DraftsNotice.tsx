import type { Draft } from '@shared/domain/note';
import { titleOfPath } from '@shared/domain/notePath';
import { Notice } from '../../ui/Notice';
import { formatRelativeTime } from '../../ui/formatRelativeTime';

export interface DraftsNoticeProps {
  drafts: Draft[];
  onRestore(draft: Draft): void;
  onDiscard(draft: Draft): void;
}

/** Offers back edits that never reached their files (a failed save, a crash). */
export function DraftsNotice({ drafts, onRestore, onDiscard }: DraftsNoticeProps) {
  if (drafts.length === 0) return null;
  return (
    <Notice tone="warning">
      <p className="notice-title">
        Recovered unsaved edits to {drafts.length === 1 ? 'one note' : `${drafts.length} notes`}
      </p>
      <ul className="drafts">
        {drafts.map((draft) => (
          <li key={draft.path}>
            <span>
              <strong>{titleOfPath(draft.path)}</strong>{' '}
              <span className="muted">from {formatRelativeTime(draft.savedAt)}</span>
            </span>
            <span className="draft-actions">
              <button type="button" className="text-button" onClick={() => onRestore(draft)}>
                Restore
              </button>
              <button type="button" className="text-button" onClick={() => onDiscard(draft)}>
                Discard
              </button>
            </span>
          </li>
        ))}
      </ul>
    </Notice>
  );
}
