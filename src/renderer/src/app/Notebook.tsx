import type { OutgoingLink } from '@shared/domain/links';
import type { NoteSummary } from '@shared/domain/note';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/ApiContext';
import { useShortcutDispatcher } from '../ui/commands/useCommands';
import { useShellCommands } from '../features/commands/useShellCommands';
import { DraftsNotice } from '../features/drafts/DraftsNotice';
import { useDrafts } from '../features/drafts/useDrafts';
import { EntryReader } from '../features/glossary/EntryReader';
import { GlossaryList } from '../features/glossary/GlossaryList';
import { useGlossaryHead } from '../features/glossary/useGlossaryRows';
import { BacklinksToggle } from '../features/links/BacklinksToggle';
import { SidePanel, type SideTab } from '../features/links/SidePanel';
import { useLinkCommands, useSidePanel } from '../features/links/useSidePanel';
import { NotesList } from '../features/notes/NotesList';
import { flushAllNotes } from '../features/notes/openSessions';
import { ReferencePane } from '../features/reference/ReferencePane';
import { SearchPanel } from '../features/search/SearchPanel';
import { usePackDialogs } from '../features/packs/usePackDialogs';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ariaKeyShortcut, shortcutLabel } from '../ui/shortcuts';
import { Splitter } from '../ui/Splitter';
import type { StartupData } from './loadStartup';
import { useLoad } from '../ui/useLoad';
import { useNavigation } from './navigation/useNavigation';
import { useFlushOnLeave } from './useFlushOnLeave';
import { useNotesList } from './useNotesList';
import { useToast } from './useToast';
import { useWorkspace } from './useWorkspace';
import { IndexingStatus } from './IndexingStatus';
import {
  CommandPalette,
  NoteView,
  OpenVaultDialog,
  SettingsDialog,
  preloadViews,
  QuickSwitcher,
  UnresolvedLinksDialog,
} from './lazyViews';
import { VaultFooter } from './VaultFooter';
import { Welcome } from './Welcome';
import { onSearchRequest } from '../ui/searchRequests';
import { useQuoteRequests } from '../features/quotes/useQuoteRequests';

/** The application shell for one vault: sidebar, the main view, and the reference pane. */
export function Notebook({ data }: { data: StartupData }) {
  const api = useApi();
  const notes = useNotesList(api, data.notes);
  const packs = usePackDialogs();
  const [workspace, changeWorkspace] = useWorkspace(api, data.workspace);
  const [toast, setToast] = useToast();
  const [vaultDialog, setVaultDialog] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [search, setSearch] = useState({ open: false, focusRequest: 0, query: null as string | null });
  // A tag clicked in a note searches it.
  useEffect(
    () =>
      onSearchRequest((query) =>
        setSearch((current) => ({ open: true, focusRequest: current.focusRequest + 1, query })),
      ),
    [],
  );
  const [picker, setPicker] = useState<'switcher' | 'palette' | null>(null);
  // The editor and the dialogs are fetched once the first screen is up (see lazyViews).
  useEffect(() => void preloadViews(), []);

  const main = workspace.main;
  // The side panel (backlinks, outgoing links, reference) and the links dialogs.
  const panel = useSidePanel(
    api,
    main?.kind === 'note' && workspace.referenceEntryId ? 'reference' : 'backlinks',
    data.backlinksOpen,
  );
  const [unresolvedOpen, setUnresolvedOpen] = useState(false);
  const nav = useNavigation({
    api,
    workspace,
    changeWorkspace,
    setPanelTab: panel.setTab,
    upsertNote: notes.upsert,
    notify: setToast,
  });
  const { openNotePath, mainEntryId, openNote, openEntry, openDoc, createNote, createLinkedNote, openWikiLink } = nav;
  // The side panel's title for an entry: asked for, as the page holds no list of every entry.
  const mainEntry = useLoad(
    () => (mainEntryId ? api.getEntry({ id: mainEntryId }) : Promise.resolve(null)),
    mainEntryId,
  );
  const mainEntryTitle = mainEntry.value?.title;
  // The welcome view: the glossary's size and first entries, as they are now.
  const welcomeGlossary = useGlossaryHead(api, data.glossary);
  useQuoteRequests({
    api,
    notes: notes.list,
    openNoteBeside: (path, entryId) => {
      openNote(path);
      changeWorkspace({ referenceEntryId: entryId });
      panel.setTab('reference');
    },
    upsertNote: notes.upsert,
    notify: setToast,
  });
  const drafts = useDrafts({ api, initial: data.drafts, openNote, upsertNote: notes.upsert, notify: setToast });

  const openVault = useCallback(async () => {
    await flushAllNotes();
    if (data.info.host === 'electron') {
      await api
        .openVault({})
        .catch((error: unknown) => setToast(error instanceof Error ? error.message : String(error)));
    } else {
      setVaultDialog(true);
    }
  }, [api, data.info.host, setToast]);

  const referenceOpen = openNotePath !== null && workspace.referenceEntryId !== null;
  // The panel shows while the backlinks are wanted, or while an entry is open beside the note.
  const sideOpen = main !== null && (panel.open || referenceOpen);
  const sideTab: SideTab = panel.open
    ? panel.tab === 'reference' && !referenceOpen
      ? 'backlinks'
      : panel.tab
    : 'reference';
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
      ? (mainEntryTitle ?? 'this entry')
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
    openSearch: () => setSearch((current) => ({ open: true, focusRequest: current.focusRequest + 1, query: null })),
    openQuickSwitcher: () => setPicker('switcher'),
    openCommandPalette: () => setPicker('palette'),
    openVault: () => void openVault(),
    openSettings: () => setSettingsOpen(true),
    noteOpen: openNotePath !== null,
    referenceOpen: openNotePath !== null && workspace.referenceEntryId !== null,
    closeReference: () => changeWorkspace({ referenceEntryId: null }),
  });

  // Edits are flushed when the window loses focus, is hidden, or is about to close.
  useFlushOnLeave();

  const createNoteFromList = useCallback(() => void createNote(), [createNote]);

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

  // The side columns take their chosen widths when there is room, and share what is left
  // after the main view's minimum when there is not (a narrow window, 200 % zoom), so that
  // nothing is pushed out past the window's edge.
  const columns = [`minmax(0, ${workspace.sidebarWidth}px)`, '0px', 'minmax(min(360px, 40vw), 1fr)'];
  if (sideOpen) columns.push('0px', `minmax(0, ${workspace.referenceWidth}px)`);

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
            onClick={() =>
              setSearch((current) => ({ open: true, focusRequest: current.focusRequest + 1, query: null }))
            }
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
          requestedQuery={search.query}
          onClose={() => setSearch((current) => ({ ...current, open: false }))}
          onOpenResult={openDoc}
        />
        <div className="sidebar-scroll">
          <NotesList notes={notes.list} selectedPath={openNotePath} onOpen={openNote} onCreate={createNoteFromList} />
          <GlossaryList
            firstPage={data.glossary.firstPage}
            selectedId={referenceOpen ? workspace.referenceEntryId : mainEntryId}
            onOpen={openEntry}
            onAddPack={packs.openAdd}
            onManagePacks={packs.openManage}
          />
        </div>
        <IndexingStatus />
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
          drafts={drafts.drafts}
          onRestore={(draft) => void drafts.restore(draft)}
          onDiscard={drafts.discard}
        />
        {openNotePath ? (
          // The editor's chunk loads the first time a note opens (see lazyViews).
          <Suspense fallback={<div className="note-loading" aria-busy="true" />}>
            <NoteView
              key={nav.noteGeneration}
              path={openNotePath}
              restoreContent={nav.openOptions.restoreContent}
              focusTitle={nav.openOptions.focusTitle}
              onSummaryChanged={onSummaryChanged}
              onForked={onForked}
              onClosed={() => changeWorkspace({ main: null })}
              onOpenPath={(path) => openNote(path)}
              onNotice={setToast}
              onOpenWikiLink={openWikiLink}
              onOpenEntry={(id) => changeWorkspace({ main: { kind: 'entry', id } })}
              headerTools={<BacklinksToggle doc={main!} open={backlinksShown} onToggle={toggleBacklinks} />}
            />
          </Suspense>
        ) : mainEntryId ? (
          <div className="content-scroll">
            <div className="entry-tools">
              <BacklinksToggle doc={main!} open={backlinksShown} onToggle={toggleBacklinks} />
            </div>
            <EntryReader id={mainEntryId} />
          </div>
        ) : (
          <Welcome glossary={welcomeGlossary} onOpenEntry={openEntry} onCreateNote={() => void createNote()} />
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
              if (tab !== 'reference' && !panel.open) panel.setOpen(true);
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
            onOpenMention={nav.openMention}
            onOpenLink={(link: OutgoingLink) =>
              openWikiLink({ target: link.target, heading: link.heading, resolved: link.resolved })
            }
            onCreateNote={(target) => void createLinkedNote(target)}
            onShowUnresolved={() => setUnresolvedOpen(true)}
          />
        </>
      )}
      {picker === 'switcher' && (
        <Suspense fallback={null}>
          <QuickSwitcher
            onOpen={openDoc}
            onCreate={(title) => void createNote(title)}
            onClose={() => setPicker(null)}
          />
        </Suspense>
      )}
      {picker === 'palette' && (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setPicker(null)} />
        </Suspense>
      )}
      {unresolvedOpen && (
        <Suspense fallback={null}>
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
        </Suspense>
      )}
      {nav.createAsk !== null && (
        <ConfirmDialog
          title={`Create “${nav.createAsk}”?`}
          confirmLabel="Create note"
          onConfirm={() => {
            const target = nav.createAsk!;
            nav.setCreateAsk(null);
            void createLinkedNote(target);
          }}
          onCancel={() => nav.setCreateAsk(null)}
        >
          No note or glossary entry is called “{nav.createAsk}” yet. Create the note and open it?
        </ConfirmDialog>
      )}
      {packs.dialogs}
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog onClose={() => setSettingsOpen(false)} />
        </Suspense>
      )}
      {vaultDialog && (
        <Suspense fallback={null}>
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
        </Suspense>
      )}
    </div>
  );
}
