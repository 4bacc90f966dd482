import { useEffect, useId, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { Modal } from '../../ui/Modal';

export interface OpenVaultDialogProps {
  currentPath: string;
  /** Opens the folder; resolves to an error message, or null on success. */
  onOpen(path: string): Promise<string | null>;
  onCancel(): void;
}

/**
 * Switches vaults in the browser build, which has no native folder picker: it lists the
 * vaults the backend accepts (opened before, or named when `npm run serve` started) and
 * takes a typed path, which the backend refuses unless it is one of them.
 */
export function OpenVaultDialog({ currentPath, onOpen, onCancel }: OpenVaultDialogProps) {
  const api = useApi();
  const [path, setPath] = useState(currentPath);
  const [vaults, setVaults] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const listId = useId();

  useEffect(() => {
    let current = true;
    api.listVaults().then(
      (list) => current && setVaults(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  const open = (target: string) => {
    setBusy(true);
    void onOpen(target).then((problem) => {
      setBusy(false);
      setError(problem);
    });
  };

  return (
    <Modal labelledBy={titleId} onCancel={() => onCancel()}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          open(path.trim());
        }}
      >
        <h2 id={titleId}>Open a vault</h2>
        <div className="dialog-body">
          <p>A vault is a folder of Markdown notes, for example an Obsidian vault.</p>
          {vaults.length > 0 && (
            <>
              <h3 id={listId} className="vault-list-title">
                Your vaults
              </h3>
              <ul className="vault-list" aria-labelledby={listId}>
                {vaults.map((vault) => (
                  <li key={vault}>
                    <button
                      type="button"
                      className="vault-choice"
                      disabled={busy || vault === currentPath}
                      onClick={() => open(vault)}
                    >
                      <span className="vault-choice-name">{baseName(vault)}</span>
                      <span className="vault-choice-path">{vault === currentPath ? `${vault} (open)` : vault}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          <label className="field">
            <span>Folder path</span>
            <input value={path} onChange={(event) => setPath(event.target.value)} data-autofocus spellCheck={false} />
          </label>
          <p className="field-hint">
            For your safety, the browser build opens only vaults you opened before or named when starting it. To add
            one, start it with <code>npm run serve -- --vault &lt;folder&gt;</code>.
          </p>
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

function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts.at(-1) ?? path;
}
