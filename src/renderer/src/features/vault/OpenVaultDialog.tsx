import { useId, useState } from 'react';
import { Modal } from '../../ui/Modal';

export interface OpenVaultDialogProps {
  currentPath: string;
  /** Opens the folder; resolves to an error message, or null on success. */
  onOpen(path: string): Promise<string | null>;
  onCancel(): void;
}

/** Asks for a vault folder by path (the browser build has no native folder picker). */
export function OpenVaultDialog({ currentPath, onOpen, onCancel }: OpenVaultDialogProps) {
  const [path, setPath] = useState(currentPath);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onCancel={() => onCancel()}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          void onOpen(path.trim()).then((problem) => {
            setBusy(false);
            setError(problem);
          });
        }}
      >
        <h2 id={titleId}>Open a vault</h2>
        <div className="dialog-body">
          <p>
            A vault is a folder of Markdown notes, for example an Obsidian vault. It is created if it does not exist.
          </p>
          <label className="field">
            <span>Folder path</span>
            <input value={path} onChange={(event) => setPath(event.target.value)} autoFocus spellCheck={false} />
          </label>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || path.trim() === ''}>
            Open
          </button>
        </div>
      </form>
    </Modal>
  );
}
