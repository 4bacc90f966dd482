import type { PlacedHighlight } from '@shared/domain/highlights';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { shortcutLabel, type Shortcut } from '../../ui/shortcuts';
import { COLOUR_NAMES } from './highlightLabels';

const SAVE_SHORTCUT: Shortcut = ['Mod', 'Enter'];

/**
 * A highlight's margin note beside its passage: plain text (its Markdown as typed, never
 * rendered as HTML), with line breaks kept. Pressing it edits it.
 */
export function MarginNote({
  highlight,
  onEdit,
  onFocusHighlight,
}: {
  highlight: PlacedHighlight;
  onEdit(): void;
  onFocusHighlight(): void;
}) {
  return (
    <div className={`margin-note hl-border-${highlight.colour}`} data-note-for={highlight.id}>
      <p className="margin-note-text">{highlight.note}</p>
      <div className="margin-note-actions">
        <button type="button" className="text-button" aria-label="Go to the passage" onClick={onFocusHighlight}>
          Passage
        </button>
        <button type="button" className="text-button" aria-label="Edit margin note" onClick={onEdit}>
          Edit
        </button>
      </div>
    </div>
  );
}

/**
 * The editor of a margin note: a plain text area (Markdown as text). Saved on blur and on
 * Ctrl/⌘+Enter; Escape leaves it unchanged. Saving the text unchanged does nothing; saving
 * it empty removes the note.
 */
export function MarginNoteEditor({
  highlight,
  onSave,
  onCancel,
}: {
  highlight: PlacedHighlight;
  onSave(note: string): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  const finish = (save: boolean) => {
    if (done.current) return;
    done.current = true;
    const value = ref.current?.value.trim() ?? '';
    if (save && value !== (highlight.note ?? '')) onSave(value);
    else onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      finish(false);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      finish(true);
    }
  };

  return (
    <div className={`margin-note margin-note-editing hl-border-${highlight.colour}`} data-note-for={highlight.id}>
      <textarea
        ref={ref}
        className="margin-note-field"
        aria-label={`Margin note on the ${COLOUR_NAMES[highlight.colour].toLowerCase()} highlight`}
        aria-describedby={`margin-note-help-${highlight.id}`}
        defaultValue={highlight.note ?? ''}
        rows={3}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
      <p className="margin-note-help" id={`margin-note-help-${highlight.id}`}>
        Saved when you leave the field or press {shortcutLabel(SAVE_SHORTCUT)}; Escape cancels.
      </p>
    </div>
  );
}
