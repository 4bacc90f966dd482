import type { DocRef } from '@shared/domain/docRef';
import type { MentionContext, OutgoingLink } from '@shared/domain/links';
import type { Draft, NoteSummary } from '@shared/domain/note';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { CommandPalette } from '../features/commands/CommandPalette';
import { useShortcutDispatcher } from '../ui/commands/useCommands';
import { useShellCommands } from '../features/commands/useShellCommands';
import { DraftsNotice } from '../features/drafts/DraftsNotice';
import { EntryReader } from '../features/glossary/EntryReader';
import { GlossaryList } from '../features/glossary/GlossaryList';
import { BacklinksToggle } from '../features/links/BacklinksToggle';
import { revealEntrySection } from '../features/links/revealEntrySection';
import { requestReveal } from '../editor/revealRequest';
import { SidePanel, type SideTab } from '../features/links/SidePanel';
import { UnresolvedLinksDialog } from '../features/links/UnresolvedLinksDialog';
import { useLinkCommands, useSidePanel } from '../features/links/useSidePanel';
import type { WikiLinkOpenRequest } from '../editor/plugins/wikiLinkHost';
import { NotesList } from '../features/notes/NotesList';
import { NoteView } from '../features/notes/NoteView';
import { flushAllNotes, hasUnsavedNotes } from '../features/notes/openSessions';
import { ReferencePane } from '../features/reference/ReferencePane';
import { SearchPanel } from '../features/search/SearchPanel';
import { QuickSwitcher } from '../features/switcher/QuickSwitcher';
import { OpenVaultDialog } from '../features/vault/OpenVaultDialog';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ariaKeyShortcut, shortcutLabel } from '../ui/shortcuts';
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
  const [search, setSearch] = useState({ open: false, focusRequest: 0 });
  const [picker, setPicker] = useState<'switcher' | 'palette' | null>(null);

  const main = workspace.main;
  const openNotePath = main?.kind === 'note' ? main.path : null;
  const mainEntryId = main?.kind === 'entry' ? main.id : null;
  // The side panel (backlinks, outgoing links, reference) and the links dialogs.
  const panel = useSidePanel(api, openNotePath && workspace.referenceEntryId ? 'reference' : 'backlinks');
  const setPanelTab = panel.setTab;
  const [unresolvedOpen, setUnresolvedOpen] = useState(false);
  const [createAsk, setCreateAsk] = useState<string | null>(null);

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
      if (openNotePath) {
        changeWorkspace({ referenceEntryId: id });
        setPanelTab('reference');
      } else changeWorkspace({ main: { kind: 'entry', id } });
    },
    [changeWorkspace, openNotePath, setPanelTab],
  );

  const openDoc = useCallback(
    (ref: DocRef) => (ref.kind === 'note' ? openNote(ref.path) : openEntry(ref.id)),
    [openNote, openEntry],
  );

  const createNote = useCallback(
    async (title?: string) => {
      try {
        const note = await api.createNote(title ? { title } : {});
        notes.upsert(note);
        // An untitled note starts in its title; a titled one (from the switcher) in its text.
        openNote(note.path, { focusTitle: !title });
      } catch (error) {
        setToast(`A note could not be created: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, notes, openNote],
  );

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
        openNote(result.status === 'conflict' ? result.conflictPath : draft.path);
      } catch (error) {
        setToast(`The draft could not be restored: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, notes, openNote],
  );

  /** Creates the note a link points to (`Folder/Title` → that folder) and opens it. */
  const createLinkedNote = useCallback(
    async (target: string) => {
      const name = target.trim().replace(/\.md$/i, '').replace(/\\/g, '/');
      const slash = name.lastIndexOf('/');
      const title = name.slice(slash + 1);
      const folder = slash > 0 ? name.slice(0, slash).replace(/^\/+/, '') : '';
      try {
        const note = await api.createNote(folder ? { title, folder } : { title });
        notes.upsert(note);
        openNote(note.path);
      } catch (error) {
        setToast(`The note “${title}” could not be created: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, notes, openNote],
  );

  /** Follows a wiki link: an entry beside the note, a note in the editor (at its heading), else offers to create it. */
  const openWikiLink = useCallback(
    ({ target, heading, resolved }: WikiLinkOpenRequest) => {
      if (target.trim() === '' && openNotePath) {
        if (heading) requestReveal(openNotePath, { kind: 'heading', heading });
        return;
      }
      if (resolved === null) {
        setCreateAsk(target.trim());
        return;
      }
      if (resolved.ref.kind === 'entry') {
        openEntry(resolved.ref.id);
        if (heading) revealEntrySection(resolved.ref.id, heading);
        return;
      }
      if (heading) requestReveal(resolved.ref.path, { kind: 'heading', heading });
      openNote(resolved.ref.path);
    },
    [openEntry, openNote, openNotePath],
  );

  const openMention = useCallback(
    (path: string, mention: MentionContext) => {
      requestReveal(path, { kind: 'span', start: mention.start, end: mention.end, source: mention.source });
      openNote(path);
    },
    [openNote],
  );

  const referenceOpen = openNotePath !== null && workspace.referenceEntryId !== null;
  // The panel shows while the backlinks are wanted, or while an entry is open beside the note.
  const sideOpen = main !== null && (panel.open === true || referenceOpen);
  const sideTab: SideTab =
    panel.open === true ? (panel.tab === 'reference' && !referenceOpen ? 'backlinks' : panel.tab) : 'reference';
  const backlinksShown = sideOpen && sideTab !== 'reference';
  const toggleBacklinks = () => {
    if (backlinksShown) {
      panel.setOpen(false);
    } else {
      panel.setOpen(true);
      panel.setTab('backlinks');
    }
  };
  const sideTitle =
    main?.kind === 'entry'
      ? (data.entries.find((entry) => entry.id === main.id)?.title ?? 'this entry')
      : main?.kind === 'note'
        ? (notes.list.find((note) => note.path === main.path)?.title ??
          main.path.replace(/^.*\//, '').replace(/\.md$/i, ''))
        : '';

  useLinkCommands({
    docOpen: main !== null,
    noteOpen: openNotePath !== null,
    toggleBacklinks,
    showOutgoing: () => {
      panel.setOpen(true);
      panel.setTab('outgoing');
    },
    showUnresolved: () => setUnresolvedOpen(true),
  });

  // App commands: one shortcut dispatcher, the palette, and the desktop menu all run them.
  useShortcutDispatcher();
  useShellCommands(api, {
    newNote: () => void createNote(),
    openSearch: () => setSearch((current) => ({ open: true, focusRequest: current.focusRequest + 1 })),
    openQuickSwitcher: () => setPicker('switcher'),
    openCommandPalette: () => setPicker('palette'),
    openVault: () => void openVault(),
    noteOpen: openNotePath !== null,
    referenceOpen: openNotePath !== null && workspace.referenceEntryId !== null,
    closeReference: () => changeWorkspace({ referenceEntryId: null }),
  });

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

  const onForked = useCallback(
    (copy: NoteSummary) => {
      notes.upsert(copy);
      changeWorkspace({ main: { kind: 'note', path: copy.path } });
    },
    [notes, changeWorkspace],
  );

  const columns = [`${workspace.sidebarWidth}px`, '0px', 'minmax(360px, 1fr)'];
  if (sideOpen) columns.push('0px', `${workspace.referenceWidth}px`);

  return (
    <div className="app" style={{ gridTemplateColumns: columns.join(' ') }}>
      <aside className="sidebar" aria-label="Sidebar">
        <header className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Study Notebook</span>
          <button
            type="button"
            className="icon-button brand-search"
            aria-label="Search"
            aria-keyshortcuts={ariaKeyShortcut(['Mod', 'Shift', 'F'])}
            title={`Search (${shortcutLabel(['Mod', 'Shift', 'F'])})`}
            onClick={() => setSearch((current) => ({ open: true, focusRequest: current.focusRequest + 1 }))}
          >
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
              <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
              <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
            </svg>
          </button>
        </header>
        <SearchPanel
          open={search.open}
          focusRequest={search.focusRequest}
          onClose={() => setSearch((current) => ({ ...current, open: false }))}
          onOpenResult={openDoc}
        />
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
            onForked={onForked}
            onClosed={() => changeWorkspace({ main: null })}
            onOpenPath={(path) => openNote(path)}
            onNotice={setToast}
            onOpenWikiLink={openWikiLink}
            headerTools={<BacklinksToggle doc={main!} open={backlinksShown} onToggle={toggleBacklinks} />}
          />
        ) : mainEntryId ? (
          <div className="content-scroll">
            <div className="entry-tools">
              <BacklinksToggle doc={main!} open={backlinksShown} onToggle={toggleBacklinks} />
            </div>
            <EntryReader id={mainEntryId} />
          </div>
        ) : (
          <Welcome entries={data.entries} onOpenEntry={openEntry} onCreateNote={() => void createNote()} />
        )}
      </main>
      {sideOpen && main && (
        <>
          <Splitter
            label={sideTab === 'reference' ? 'Resize reference pane' : 'Resize side panel'}
            value={workspace.referenceWidth}
            min={280}
            max={900}
            direction={-1}
            onChange={(size) => changeWorkspace({ referenceWidth: size }, false)}
            onCommit={(size) => changeWorkspace({ referenceWidth: size })}
          />
          <SidePanel
            doc={main}
            title={sideTitle}
            tab={sideTab}
            onTab={(tab) => {
              panel.setTab(tab);
              if (tab !== 'reference' && panel.open !== true) panel.setOpen(true);
            }}
            onHide={() => {
              panel.setOpen(false);
              if (referenceOpen) changeWorkspace({ referenceEntryId: null });
            }}
            reference={
              referenceOpen ? (
                <ReferencePane
                  entryId={workspace.referenceEntryId!}
                  onClose={() => changeWorkspace({ referenceEntryId: null })}
                  onOpenInMain={(id) => changeWorkspace({ main: { kind: 'entry', id }, referenceEntryId: null })}
                />
              ) : null
            }
            onOpenMention={openMention}
            onOpenLink={(link: OutgoingLink) =>
              openWikiLink({ target: link.target, heading: link.heading, resolved: link.resolved })
            }
            onCreateNote={(target) => void createLinkedNote(target)}
            onShowUnresolved={() => setUnresolvedOpen(true)}
          />
        </>
      )}
      {picker === 'switcher' && (
        <QuickSwitcher onOpen={openDoc} onCreate={(title) => void createNote(title)} onClose={() => setPicker(null)} />
      )}
      {picker === 'palette' && <CommandPalette onClose={() => setPicker(null)} />}
      {unresolvedOpen && (
        <UnresolvedLinksDialog
          onClose={() => setUnresolvedOpen(false)}
          onOpenNote={(path) => {
            setUnresolvedOpen(false);
            openNote(path);
          }}
          onCreate={(target) => {
            setUnresolvedOpen(false);
            void createLinkedNote(target);
          }}
        />
      )}
      {createAsk !== null && (
        <ConfirmDialog
          title={`Create “${createAsk}”?`}
          confirmLabel="Create note"
          onConfirm={() => {
            setCreateAsk(null);
            void createLinkedNote(createAsk);
          }}
          onCancel={() => setCreateAsk(null)}
        >
          No note or glossary entry is called “{createAsk}” yet. Create the note and open it?
        </ConfirmDialog>
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
