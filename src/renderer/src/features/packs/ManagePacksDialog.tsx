import type { PackSummary } from '@shared/domain/packs';
import { normalizeName } from '@shared/links/normalizeLinkTarget';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useApi } from '../../api/ApiContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type RenameChoice, RenameLinksDialog } from '../links/RenameLinksDialog';
import { formatRelativeTime } from '../../ui/formatRelativeTime';
import { Modal } from '../../ui/Modal';
import { formatCount } from '../../ui/formatCount';
import { usePacks } from './usePacks';
import { useFocusReturn } from './useFocusReturn';
import './packs.css';

export interface ManagePacksDialogProps {
  onAdd(): void;
  onReimport(pack: PackSummary): void;
  onClose(): void;
}

/**
 * The reference packs: each with its entry count, source and import date, and what can be
 * done with it: rename, hide or show (its entries leave or rejoin the glossary, links and
 * search), re-import from an updated source, remove (after a confirmation). The shipped
 * glossary can be renamed and hidden, not removed.
 */
export function ManagePacksDialog({ onAdd, onReimport, onClose }: ManagePacksDialogProps) {
  const api = useApi();
  useFocusReturn(() => document.querySelector<HTMLElement>('.glossary-list .filter'));
  const { packs, reload } = usePacks(api);
  const titleId = useId();
  const [renaming, setRenamingState] = useState<{ id: string; name: string } | null>(null);
  const renamingRef = useRef<{ id: string; name: string } | null>(null);
  const setRenaming = (value: { id: string; name: string } | null) => {
    renamingRef.current = value;
    setRenamingState(value);
  };
  const [removing, setRemoving] = useState<PackSummary | null>(null);
  const [linkAsk, setLinkAsk] = useState<{ pack: PackSummary; name: string; links: number; notes: number } | null>(
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // Where the focus goes once an action is over (its buttons are disabled while it runs).
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (busy !== null || !pendingFocus.current) return;
    const target = document.getElementById(pendingFocus.current);
    if (target) {
      pendingFocus.current = null;
      target.focus();
    }
  });

  /** Runs an action on a pack; `work` may return the status to announce instead of `done`. */
  async function act(id: string, work: () => Promise<unknown>, done: string) {
    setBusy(id);
    setError(null);
    try {
      const said = await work();
      setStatus(typeof said === 'string' ? said : done);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
      reload();
    }
  }

  function saveRename() {
    // Enter saves, and the field's blur as it goes away would save a second time.
    const current = renamingRef.current;
    renamingRef.current = null;
    if (!current) return;
    const { id, name } = current;
    const pack = packs?.find((p) => p.id === id);
    setRenaming(null);
    if (!pack || name.trim() === '' || name.trim() === pack.name) return;
    pendingFocus.current = renameButtonId(id);
    void askAboutLinks(pack, name.trim());
  }

  /** Links in notes naming the pack by its old name (`[[Pack/Title]]`): update them too? */
  async function askAboutLinks(pack: PackSummary, name: string) {
    // Only the case changed: every link still reaches the pack.
    if (normalizeName(name) === normalizeName(pack.name)) return rename(pack, name, false);
    setBusy(pack.id);
    const counts = await api.countLinksToPack({ id: pack.id }).catch(() => ({ links: 0, notes: 0 }));
    setBusy(null);
    if (counts.links === 0) rename(pack, name, false);
    else setLinkAsk({ pack, name, ...counts });
  }

  function rename(pack: PackSummary, name: string, updateLinks: boolean) {
    pendingFocus.current = renameButtonId(pack.id);
    const renamed = `Renamed “${pack.name}” to “${name}”.`;
    void act(
      pack.id,
      async () => {
        const { linkUpdates } = await api.updatePack({ id: pack.id, name, ...(updateLinks ? { updateLinks } : {}) });
        if (linkUpdates && linkUpdates.failed.length > 0) {
          const failed = linkUpdates.failed.map((failure) => `${failure.path} (${failure.message})`).join('; ');
          setError(
            `Links could not be updated in ${formatCount(linkUpdates.failed.length, 'note', 'notes')}: ${failed}`,
          );
        }
        const links = linkUpdates?.updated.reduce((sum, file) => sum + file.links, 0) ?? 0;
        if (links === 0) return renamed;
        return `${renamed} Updated ${formatCount(links, 'link', 'links')} in ${formatCount(linkUpdates!.updated.length, 'note', 'notes')}.`;
      },
      renamed,
    );
  }

  function answerLinks(choice: RenameChoice) {
    const ask = linkAsk;
    setLinkAsk(null);
    if (!ask) return;
    // Cancelled: the pack keeps its name.
    if (choice === 'cancel') setTimeout(() => document.getElementById(renameButtonId(ask.pack.id))?.focus(), 0);
    else rename(ask.pack, ask.name, choice === 'update');
  }

  function onRenameKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveRename();
    } else if (event.key === 'Escape') {
      // Cancels the rename, not the dialog.
      event.preventDefault();
      event.stopPropagation();
      const id = renaming?.id;
      setRenaming(null);
      if (id) setTimeout(() => document.getElementById(renameButtonId(id))?.focus(), 0);
    }
  }

  return (
    <Modal labelledBy={titleId} className="pack-dialog" onCancel={() => !removing && !linkAsk && onClose()}>
      <h2 id={titleId} tabIndex={-1}>
        Reference packs
      </h2>
      <div className="dialog-body pack-dialog-body">
        <p className="pack-intro">
          Packs are stored in the app’s data, not in your vault. Their entries are read-only; a hidden pack’s entries
          are not listed, linked or searched until you show it again.
        </p>
        {packs === null ? (
          <p aria-busy="true">Loading…</p>
        ) : (
          <ul className="pack-list" aria-label="Reference packs">
            {packs.map((pack) => (
              <li key={pack.id} className="pack-row" data-hidden={pack.hidden || undefined}>
                <div className="pack-row-main">
                  {renaming?.id === pack.id ? (
                    <input
                      className="pack-rename"
                      aria-label={`New name for ${pack.name}`}
                      value={renaming.name}
                      autoFocus
                      onChange={(event) => setRenaming({ id: pack.id, name: event.target.value })}
                      onKeyDown={onRenameKeyDown}
                      onBlur={saveRename}
                    />
                  ) : (
                    <span className="pack-row-name">{pack.name}</span>
                  )}
                  {pack.builtIn && <span className="pack-badge">Shipped</span>}
                  {pack.hidden && <span className="pack-badge pack-badge-muted">Hidden</span>}
                  <span className="pack-row-meta">
                    {formatCount(pack.entryCount, 'entry', 'entries')} ·{' '}
                    {pack.builtIn ? (
                      'ships with the app'
                    ) : (
                      <>
                        {pack.source.name} · imported{' '}
                        <time dateTime={pack.importedAt}>{formatRelativeTime(pack.importedAt)}</time>
                        {pack.skippedCount > 0 && ` · ${formatCount(pack.skippedCount, 'row', 'rows')} left out`}
                      </>
                    )}
                  </span>
                  {pack.problem && <span className="field-error">This pack cannot be read: {pack.problem}</span>}
                </div>
                <div className="pack-row-actions">
                  <button
                    type="button"
                    id={renameButtonId(pack.id)}
                    className="text-button"
                    aria-label={`Rename ${pack.name}`}
                    disabled={busy !== null || pack.problem !== undefined}
                    onClick={() => setRenaming({ id: pack.id, name: pack.name })}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="text-button"
                    id={`pack-visibility-${pack.id}`}
                    aria-label={`${pack.hidden ? 'Show' : 'Hide'} ${pack.name}`}
                    disabled={busy !== null || pack.problem !== undefined}
                    onClick={() => {
                      pendingFocus.current = `pack-visibility-${pack.id}`;
                      void act(
                        pack.id,
                        () => api.updatePack({ id: pack.id, hidden: !pack.hidden }),
                        pack.hidden ? `“${pack.name}” is shown again.` : `“${pack.name}” is hidden.`,
                      );
                    }}
                  >
                    {pack.hidden ? 'Show' : 'Hide'}
                  </button>
                  {!pack.builtIn && (
                    <>
                      <button
                        type="button"
                        className="text-button"
                        aria-label={`Re-import ${pack.name}`}
                        disabled={busy !== null}
                        onClick={() => onReimport(pack)}
                      >
                        Re-import…
                      </button>
                      <button
                        type="button"
                        id={removeButtonId(pack.id)}
                        className="text-button text-button-danger"
                        aria-label={`Remove ${pack.name}`}
                        disabled={busy !== null}
                        onClick={() => setRemoving(pack)}
                      >
                        Remove…
                      </button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        {error && (
          <p className="field-error pack-error" role="alert">
            {error}
          </p>
        )}
        <p className="visually-hidden" role="status">
          {status}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button pack-add" onClick={onAdd}>
          Add reference pack…
        </button>
        <button type="button" className="button button-primary" onClick={onClose}>
          Done
        </button>
      </div>
      {linkAsk && (
        <RenameLinksDialog
          from={linkAsk.pack.name}
          to={linkAsk.name}
          links={linkAsk.links}
          notes={linkAsk.notes}
          onChoose={answerLinks}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove “${removing.name}”?`}
          confirmLabel="Remove pack"
          danger
          onCancel={() => {
            const id = removing.id;
            setRemoving(null);
            setTimeout(() => document.getElementById(removeButtonId(id))?.focus(), 0);
          }}
          onConfirm={() => {
            const pack = removing;
            setRemoving(null);
            pendingFocus.current = titleId;
            void act(pack.id, () => api.removePack({ id: pack.id }), `“${pack.name}” was removed.`);
          }}
        >
          Its {formatCount(removing.entryCount, 'entry', 'entries')} leave the glossary, and links to them in your notes
          become unresolved. Your notes are not changed. You can import the pack again later.
        </ConfirmDialog>
      )}
    </Modal>
  );
}

function renameButtonId(packId: string): string {
  return `pack-rename-${packId}`;
}

function removeButtonId(packId: string): string {
  return `pack-remove-${packId}`;
}
