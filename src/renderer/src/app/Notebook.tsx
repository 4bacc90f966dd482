import type { Draft, NoteSummary } from '@shared/domain/note';
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { DraftsNotice } from '../features/drafts/DraftsNotice';
import { EntryReader } from '../features/glossary/EntryReader';
import { GlossaryList } from '../features/glossary/GlossaryList';
import { NotesList } from '../features/notes/NotesList';
import { NoteView } from '../features/notes/NoteView';
import { flushAllNotes, hasUnsavedNotes } from '../features/notes/openSessions';
import { ReferencePane } from '../features/reference/ReferencePane';
import { OpenVaultDialog } from '../features/vault/OpenVaultDialog';
import { matchesShortcut } from '../ui/shortcuts';
import { Splitter } from '../ui/Splitter';
import type { StartupData } from './App';
import { useNotesList } from './useNotesList';
import { useWorkspace } from './useWorkspace';
import { VaultFooter } from './VaultFooter';
import { Welcome } from './Welcome';

interface OpenNoteOptions {
  restoreContent?: string;
  focusTitle?: boolean;
}

/** The application shell for one vault: sidebar, the main view, and the reference pane. */
export function Notebook({ data }: { data: StartupData }) {
  const api = useApi();
  const notes = useNotesList(api, data.notes);
  const [workspace, changeWorkspace] = useWorkspace(api, data.workspace);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [openOptions, setOpenOptions] = useState<OpenNoteOptions>({});
  const [toast, setToast] = useState<string | null>(null);
  const [vaultDialog, setVaultDialog] = useState(false);
  const [noteGeneration, setNoteGeneration] = useState(0);

  const main = workspace.main;
  const openNotePath = main?.kind === 'note' ? main.path : null;
  const mainEntryId = main?.kind === 'entry' ? main.id : null;

  // Drafts whose text already reached the file (a crash right after the write) are dropped quietly.
  useEffect(() => {
    let current = true;
    void (async () => {
      const pending: Draft[] = [];
      for (const draft of data.drafts) {
        const onDisk = await api.readNote({ path: draft.path }).catch(() => null);
        if (onDisk?.content === draft.content) await api.discardDraft({ path: draft.path }).catch(() => undefined);
        else pending.push(draft);
      }
      if (current) setDrafts(pending);
    })();
    return () => {
      current = false;
    };
  }, [api, data.drafts]);

  const openNote = useCallback(
    (path: string, options: OpenNoteOptions = {}) => {
      setOpenOptions(options);
      setNoteGeneration((n) => n + 1);
      changeWorkspace({ main: { kind: 'note', path } });
    },
    [changeWorkspace],
  );

  const openEntry = useCallback(
    (id: string) => {
      // While writing, a glossary entry opens beside the note; otherwise in the main view.
      if (openNotePath) changeWorkspace({ referenceEntryId: id });
      else changeWorkspace({ main: { kind: 'entry', id } });
    },
    [changeWorkspace, openNotePath],
  );

  const createNote = useCallback(async () => {
    try {
      const note = await api.createNote({});
      notes.upsert(note);
      openNote(note.path, { focusTitle: true });
    } catch (error) {
      setToast(`A note could not be created: ${error instanceof Error ? error.message : error}`);
    }
  }, [api, notes, openNote]);

  const openVault = useCallback(async () => {
    await flushAllNotes();
    if (data.info.host === 'electron') {
      await api
        .openVault({})
        .catch((error: unknown) => setToast(error instanceof Error ? error.message : String(error)));
    } else {
      setVaultDialog(true);
    }
  }, [api, data.info.host]);

  const restoreDraft = useCallback(
    async (draft: Draft) => {
      setDrafts((list) => list.filter((d) => d.path !== draft.path));
      const exists = await api.readNote({ path: draft.path }).then(
        () => true,
        () => false,
      );
      if (exists) {
        openNote(draft.path, { restoreContent: draft.content });
        return;
      }
      try {
        const result = await api.saveNote({ path: draft.path, content: draft.content, baseVersion: null });
        if (result.status === 'saved') notes.upsert(result.note);
        openNote(result.status === 'saved' ? draft.path : result.conflictPath);
      } catch (error) {
        setToast(`The draft could not be restored: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, notes, openNote],
  );

  // Global shortcuts and menu commands.
  const onNewNote = useEffectEvent(() => void createNote());
  const onOpenVault = useEffectEvent(() => void openVault());
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (matchesShortcut(event, ['Mod', 'N'])) {
        event.preventDefault();
        onNewNote();
      }
    };
    window.addEventListener('keydown', onKey);
    const off = api.on('app-command', ({ command }) => {
      if (command === 'new-note') onNewNote();
      if (command === 'open-vault') onOpenVault();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [api]);

  // Edits are flushed when the window loses focus, is hidden, or is about to close.
  useEffect(() => {
    const flush = () => void flushAllNotes();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedNotes()) return;
      event.preventDefault();
      // Inside the desktop app, cancelling the close lets the save finish; then close for real.
      void flushAllNotes().then(() => {
        if (window.notebook) window.close();
      });
    };
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(timer);
  }, [toast]);

  const onSummaryChanged = useCallback(
    (note: NoteSummary, previousPath: string) => {
      notes.upsert(note, previousPath);
      if (previousPath !== note.path) changeWorkspace({ main: { kind: 'note', path: note.path } });
    },
    [notes, changeWorkspace],
  );

  const referenceOpen = openNotePath !== null && workspace.referenceEntryId !== null;
  const columns = [`${workspace.sidebarWidth}px`, '0px', 'minmax(360px, 1fr)'];
  if (referenceOpen) columns.push('0px', `${workspace.referenceWidth}px`);

  return (
    <div className="app" style={{ gridTemplateColumns: columns.join(' ') }}>
      <aside className="sidebar" aria-label="Sidebar">
        <header className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Study Notebook</span>
        </header>
        <div className="sidebar-scroll">
          <NotesList
            notes={notes.list}
            selectedPath={openNotePath}
            onOpen={(path) => openNote(path)}
            onCreate={() => void createNote()}
          />
          <GlossaryList
            entries={data.entries}
            selectedId={referenceOpen ? workspace.referenceEntryId : mainEntryId}
            onOpen={openEntry}
          />
        </div>
        <VaultFooter vaultPath={data.info.vaultPath} onOpenVault={() => void openVault()} />
      </aside>
      <Splitter
        label="Resize sidebar"
        value={workspace.sidebarWidth}
        min={200}
        max={480}
        direction={1}
        onChange={(size) => changeWorkspace({ sidebarWidth: size }, false)}
        onCommit={(size) => changeWorkspace({ sidebarWidth: size })}
      />
      <main className="content">
        <DraftsNotice
          drafts={drafts}
          onRestore={(draft) => void restoreDraft(draft)}
          onDiscard={(draft) => {
            setDrafts((list) => list.filter((d) => d.path !== draft.path));
            void api.discardDraft({ path: draft.path });
          }}
        />
        {openNotePath ? (
          <NoteView
            key={noteGeneration}
            path={openNotePath}
            restoreContent={openOptions.restoreContent}
            focusTitle={openOptions.focusTitle}
            onSummaryChanged={onSummaryChanged}
            onClosed={() => changeWorkspace({ main: null })}
            onOpenPath={(path) => openNote(path)}
            onNotice={setToast}
          />
        ) : mainEntryId ? (
          <div className="content-scroll">
            <EntryReader id={mainEntryId} />
          </div>
        ) : (
          <Welcome entries={data.entries} onOpenEntry={openEntry} onCreateNote={() => void createNote()} />
        )}
      </main>
      {referenceOpen && (
        <>
          <Splitter
            label="Resize reference pane"
            value={workspace.referenceWidth}
            min={280}
            max={900}
            direction={-1}
            onChange={(size) => changeWorkspace({ referenceWidth: size }, false)}
            onCommit={(size) => changeWorkspace({ referenceWidth: size })}
          />
          <ReferencePane
            entryId={workspace.referenceEntryId!}
            onClose={() => changeWorkspace({ referenceEntryId: null })}
            onOpenInMain={(id) => changeWorkspace({ main: { kind: 'entry', id }, referenceEntryId: null })}
          />
        </>
      )}
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
      {vaultDialog && (
        <OpenVaultDialog
          currentPath={data.info.vaultPath}
          onCancel={() => setVaultDialog(false)}
          onOpen={async (path) => {
            try {
              await api.openVault({ path });
              return null;
            } catch (error) {
              return error instanceof Error ? error.message : String(error);
            }
          }}
        />
      )}
    </div>
  );
}
