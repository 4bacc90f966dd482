import { useEffect, useRef, useState } from 'react';

export interface NoteTitleProps {
  title: string;
  folder: string;
  readOnly: boolean;
  autoFocus: boolean;
  /** Renames the note; resolves to an error message, or null on success. */
  onRename(title: string): Promise<string | null>;
  /** Enter was pressed: the caret moves on into the text. */
  onDone(): void;
}

/**
 * The note's title, editable in place. Notes are titled by their file name, so a new
 * title renames the file when the field is left or Enter is pressed; Escape reverts.
 * A refused rename (a clash, nothing usable left) shows why and restores the title.
 */
export function NoteTitle({ title, folder, readOnly, autoFocus, onRename, onDone }: NoteTitleProps) {
  // null while the user is not editing: the field then shows the current title.
  const [editing, setEditing] = useState<string | null>(null);
  const draft = editing ?? title;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (autoFocus) input.current?.select();
  }, [autoFocus]);

  async function commit() {
    const wanted = draft.trim();
    if (busy || wanted === title) {
      setEditing(null);
      return;
    }
    if (wanted === '') {
      setError('A note needs a title.');
      setEditing(null);
      return;
    }
    setBusy(true);
    const problem = await onRename(wanted);
    setBusy(false);
    setError(problem);
    setEditing(null);
  }

  return (
    <div className="note-title-block">
      {folder && <div className="note-folder">{folder}</div>}
      <input
        ref={input}
        className="note-title"
        aria-label="Note title"
        value={draft}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(event) => {
          setEditing(event.target.value);
          setError(null);
        }}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void commit().then(onDone);
          } else if (event.key === 'Escape') {
            setEditing(null);
            setError(null);
          }
        }}
      />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
