import type { Preferences } from '@shared/api/NotebookApi';
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { useApi } from '../../api/ApiContext';
import { Modal } from '../../ui/Modal';
import { definitionsPreference } from '../notes/termDefinitions';
import './settings.css';

export interface SettingsDialogProps {
  onClose(): void;
}

type FolderState = { status: 'loading' } | { status: 'ready'; saved: string } | { status: 'failed'; message: string };

/**
 * The app's settings: where highlights are kept in the vault (issue #17: renaming the
 * folder moves its files) and the app-wide preferences. Each change applies at once and
 * says what it did; nothing waits for a Save button.
 */
export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const api = useApi();
  const titleId = useId();
  const folderHintId = useId();
  const [folder, setFolder] = useState<FolderState>({ status: 'loading' });
  const [draft, setDraft] = useState('');
  const [moving, setMoving] = useState(false);
  const [folderMessage, setFolderMessage] = useState<{ tone: 'status' | 'alert'; text: string } | null>(null);
  const [preferences, setPreferences] = useState<Preferences | null>(null);
  // Shared with the open note, which shows or hides its underlines at once.
  const definitions = useSyncExternalStore(definitionsPreference.subscribe, definitionsPreference.get);
  useEffect(() => definitionsPreference.load(api), [api]);

  useEffect(() => {
    let current = true;
    api.getHighlightsFolder().then(
      ({ folder: saved }) => {
        if (!current) return;
        setFolder({ status: 'ready', saved });
        setDraft(saved);
      },
      (error: unknown) =>
        current && setFolder({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    api.getPreferences().then(
      (loaded) => current && setPreferences(loaded),
      () => current && setPreferences({}),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const saved = folder.status === 'ready' ? folder.saved : null;
  const wanted = draft.trim().replace(/^\/+|\/+$/g, '');
  const canMove = saved !== null && wanted !== '' && wanted !== saved && !moving;

  const moveFolder = async () => {
    if (!canMove) return;
    setMoving(true);
    setFolderMessage(null);
    try {
      const result = await api.setHighlightsFolder({ folder: wanted });
      setFolder({ status: 'ready', saved: result.folder });
      setDraft(result.folder);
      const files = result.moved === 1 ? '1 highlight file' : `${result.moved} highlight files`;
      setFolderMessage({
        tone: 'status',
        text: result.moved > 0 ? `Moved ${files} to “${result.folder}”.` : `Highlights now go to “${result.folder}”.`,
      });
    } catch (error) {
      setFolderMessage({ tone: 'alert', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setMoving(false);
    }
  };

  const setRemoteImages = async (remoteImages: 'ask' | 'always') => {
    setPreferences((current) => ({ ...current, remoteImages }));
    try {
      setPreferences(await api.updatePreferences({ patch: { remoteImages } }));
    } catch {
      setPreferences(await api.getPreferences().catch(() => ({})));
    }
  };

  return (
    <Modal labelledBy={titleId} onCancel={onClose} className="settings-dialog">
      <h2 id={titleId}>Settings</h2>
      <div className="dialog-body">
        <section className="settings-section" aria-labelledby={`${titleId}-study`}>
          <h3 id={`${titleId}-study`}>Highlights</h3>
          <form
            className="settings-row"
            onSubmit={(event) => {
              event.preventDefault();
              void moveFolder();
            }}
          >
            <label className="field">
              <span>Highlights folder</span>
              <input
                value={draft}
                onChange={(event) => setDraft(event.target.value)}
                readOnly={folder.status !== 'ready' || moving}
                aria-describedby={folderHintId}
                spellCheck={false}
                data-autofocus
              />
            </label>
            <button type="submit" className="button" disabled={!canMove}>
              {moving ? 'Moving…' : 'Rename folder'}
            </button>
          </form>
          <p id={folderHintId} className="field-hint">
            Your highlights and margin notes on glossary entries are Markdown files in this folder of the vault, one per
            entry. Renaming it moves them; the choice is kept in the vault.
          </p>
          {folder.status === 'failed' && (
            <p className="field-error" role="alert">
              The highlights folder could not be read: {folder.message}
            </p>
          )}
          {folderMessage && (
            <p className={folderMessage.tone === 'alert' ? 'field-error' : 'field-status'} role={folderMessage.tone}>
              {folderMessage.text}
            </p>
          )}
        </section>
        <section className="settings-section" aria-labelledby={`${titleId}-terms`}>
          <h3 id={`${titleId}-terms`}>Definitions in notes</h3>
          <label className="settings-check">
            <input
              type="checkbox"
              checked={definitions !== 'off'}
              disabled={definitions === null}
              aria-describedby={`${titleId}-terms-hint`}
              onChange={(event) =>
                void definitionsPreference.change(api, event.target.checked ? 'on' : 'off').catch(() => undefined)
              }
            />
            Underline glossary terms in my notes and show their definitions
          </label>
          <p id={`${titleId}-terms-hint`} className="field-hint">
            The first mention of a term in each section is underlined; hover it or press Ctrl/⌘+Shift+D for its card. A
            note can turn them off for itself with the property <code>definitions: false</code>.
          </p>
        </section>
        <section className="settings-section" aria-labelledby={`${titleId}-images`}>
          <h3 id={`${titleId}-images`}>Images from the web</h3>
          <fieldset className="settings-choices" disabled={preferences === null}>
            <legend className="visually-hidden">Images from the web in notes</legend>
            <label>
              <input
                type="radio"
                name={`${titleId}-remote`}
                checked={(preferences?.remoteImages ?? 'ask') === 'ask'}
                onChange={() => void setRemoteImages('ask')}
              />
              Ask in each note before loading them
            </label>
            <label>
              <input
                type="radio"
                name={`${titleId}-remote`}
                checked={preferences?.remoteImages === 'always'}
                onChange={() => void setRemoteImages('always')}
              />
              Always load them
            </label>
          </fieldset>
        </section>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
