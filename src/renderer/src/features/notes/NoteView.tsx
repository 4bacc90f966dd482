import type { NotebookClient } from '@shared/api/createClient';
import type { Note, NoteSummary } from '@shared/domain/note';
import {
  type ReactNode,
  useCallback,
  useEffect,
  useEffectEvent,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useApi } from '../../api/ApiContext';
import { createNoteLinkHost } from './noteLinkHost';
import { createNoteMediaHost } from './noteMediaHost';
import { attachmentTargets } from '@shared/markdown/imageEmbeds';
import { Editor, type EditorHandle } from '../../editor/Editor';
import type { WikiLinkHost, WikiLinkOpenRequest } from '../../editor/plugins/wikiLinkHost';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Notice } from '../../ui/Notice';
import { requestSearch } from '../../ui/searchRequests';
import { onNoteRecheck } from '../links/noteRecheck';
import { PropertiesPanel } from '../properties/PropertiesPanel';
import { usePropertyTypes } from '../properties/usePropertyTypes';
import { type RenameChoice, RenameLinksDialog } from '../links/RenameLinksDialog';
import { EditorBridge } from './EditorBridge';
import { NoteSession, type SessionSnapshot } from './NoteSession';
import { registerSession, settledSaves, takeStrandedEdits } from './openSessions';
import { NoteTitle } from './NoteTitle';
import { registerQuoteTarget } from '../quotes/quoteTarget';
import { HIGHLIGHT_QUOTE_DROP } from '../quotes/quoteRequest';
import { useTermDefinitions } from './termDefinitions';
import { SaveIndicator } from './SaveIndicator';

export interface NoteViewProps {
  path: string;
  /** Text to put in the editor instead of the file's (a recovered draft); saved right away. */
  restoreContent?: string;
  /** Focus the title with its text selected (a note just created). */
  focusTitle?: boolean;
  /** The note's summary changed (saved, renamed): the list and workspace follow. */
  onSummaryChanged(note: NoteSummary, previousPath: string): void;
  /**
   * The note was changed elsewhere where the user was typing, and the editor went on in a
   * conflict copy (`copy`) of it: the list gains the copy and the workspace follows it.
   */
  onForked?(copy: NoteSummary): void;
  onClosed(): void;
  onOpenPath(path: string): void;
  onNotice(message: string): void;
  /** A wiki link in the note was followed (clicked, Mod+Enter). */
  onOpenWikiLink?(request: WikiLinkOpenRequest): void;
  /** Opens a glossary entry in the main view (a definition card's "Open"). */
  onOpenEntry?(id: string): void;
  /** Controls shown in the note's header beside the save status (the backlinks toggle). */
  headerTools?: ReactNode;
}

/** A note's title from its path ("Bio/Cells.md" → "Cells"). */
function titleOf(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/i, '');
}

/** The line ending a note mostly uses (for a front matter block added to it). */
function eolOf(content: string): string {
  const crlf = content.split('\r\n').length - 1;
  const lf = content.split('\n').length - 1 - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; note: Note; restoreContent?: string };

/** An open note: its title, save status and the editor, wired to a NoteSession. */
export function NoteView(props: NoteViewProps) {
  const api = useApi();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    // A save of this note still running from a moment ago must land before we read it.
    settledSaves(props.path)
      .then(() => api.readNote({ path: props.path }))
      .then(
        (note) => {
          if (!current) return;
          // Closed while its save was failing: the note starts from those edits, saved against
          // the version they were based on (merged with the file if it changed meanwhile).
          const stranded = takeStrandedEdits(props.path);
          if (stranded) {
            setLoaded({
              status: 'ready',
              note: { ...note, content: stranded.baseContent, version: stranded.baseVersion },
              restoreContent: stranded.content,
            });
          } else setLoaded({ status: 'ready', note });
        },
        (error: unknown) =>
          current && setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
    // Only the path decides which note is shown; a rename keeps this view (see onSummaryChanged).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  if (loaded.status === 'loading') return <div className="note-view" aria-busy="true" />;
  if (loaded.status === 'failed') {
    return (
      <div className="note-view">
        <Notice
          tone="error"
          actions={
            <button type="button" className="text-button" onClick={props.onClosed}>
              Close
            </button>
          }
        >
          This note could not be opened: {loaded.message}
        </Notice>
      </div>
    );
  }
  return (
    <OpenNote {...props} api={api} note={loaded.note} restoreContent={props.restoreContent ?? loaded.restoreContent} />
  );
}

function OpenNote({ api, note, ...props }: NoteViewProps & { api: NotebookClient; note: Note }) {
  const [editor] = useState(() => new EditorBridge(NoteSession.bodyOf(note.content)));
  const [session] = useState(() => new NoteSession(api, note, editor));
  const attachEditor = useCallback((handle: EditorHandle | null) => editor.attach(handle), [editor]);
  const snapshot = useSyncExternalStore<SessionSnapshot>(
    useCallback((listener) => session.subscribe(listener), [session]),
    () => session.state,
  );
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [summary, setSummary] = useState<NoteSummary>(note);
  const [renameAsk, setRenameAsk] = useState<{
    to: string;
    links: number;
    notes: number;
    answer(choice: RenameChoice): void;
  } | null>(null);

  useEffect(() => registerSession(session), [session]);
  // "Quote in note" from the reader goes to the caret of this note (issue #17).
  useEffect(() => registerQuoteTarget(snapshot.path, (quote) => editor.insertQuote(quote)), [editor, snapshot.path]);

  // An overlapping outside change moved the editing into a conflict copy: the title and the workspace follow.
  const onForked = useEffectEvent((copy: NoteSummary) => props.onForked?.(copy));
  useEffect(() => {
    let path = session.state.path;
    return session.subscribe((state) => {
      if (state.path === path) return;
      path = state.path;
      if (state.forkedFrom !== null && state.lastSaved?.path === state.path) {
        setSummary(state.lastSaved);
        onForked(state.lastSaved);
      }
    });
  }, [session]);

  // Each save changes the note's modification time: the notes list follows.
  const onSummaryChanged = useEffectEvent(props.onSummaryChanged);
  useEffect(() => {
    if (snapshot.lastSaved) onSummaryChanged(snapshot.lastSaved, snapshot.lastSaved.path);
  }, [snapshot.lastSaved]);

  // Follow changes made on disk while the note is open.
  useEffect(() => {
    const offChanges = api.on('notes-changed', ({ changes }) => {
      for (const change of changes) {
        if (change.path !== session.state.path || !change.external) continue;
        if (change.kind === 'removed') void session.removedFromDisk();
        else void session.changedOnDisk(change.version, change.path);
      }
    });
    const offResync = api.on('resync', () => void session.recheck());
    // The app rewrote this note in a way the event does not mark as outside (undoing a link).
    const offRecheck = onNoteRecheck((path) => path === session.state.path && void session.recheck());
    return () => {
      offChanges();
      offResync();
      offRecheck();
    };
  }, [api, session]);

  // What the editor's wiki links need: the backend seen from this note, and the shell.
  // The host outlives renders: it reaches the shell's latest callbacks through this ref.
  const shell = useRef({ onOpenWikiLink: props.onOpenWikiLink, onNotice: props.onNotice });
  useEffect(() => {
    shell.current = { onOpenWikiLink: props.onOpenWikiLink, onNotice: props.onNotice };
  });
  const notePath = snapshot.path;
  // File offsets (a place to reveal) count the front matter as the session holds it: edited properties move the body.
  const bodyOffset = snapshot.frontMatter.length;
  // Made once per note path: a new host would look every attachment up again.
  const onNotice = props.onNotice;
  const media = useMemo(() => createNoteMediaHost(api, notePath, onNotice), [api, notePath, onNotice]);
  // The note's attachments are looked up while the editor mounts, not once each image is
  // made (a note loads in slices): the first screen's images show without waiting for a
  // lookup, and the rest of a note full of them are found in one call, not one per slice.
  const prefetched = useRef<string | null>(null);
  useEffect(() => {
    if (prefetched.current === notePath) return;
    prefetched.current = notePath;
    media.prefetchAttachments(attachmentTargets(NoteSession.bodyOf(note.content)));
  }, [media, notePath, note.content]);
  const wikiLinks = useMemo<WikiLinkHost>(
    // The host reads the ref only when a link is opened or a note created, never while rendering.
    // eslint-disable-next-line react-hooks/refs
    () => createNoteLinkHost(api, notePath, bodyOffset, () => shell.current),
    [api, notePath, bodyOffset],
  );

  // A wiki link in a property opens like one in the text (resolved from this note).
  const openPropertyLink = async (target: string, heading: string | null) => {
    const [resolved = null] = await wikiLinks.resolveLinks([target]).catch(() => [null]);
    wikiLinks.openLink({ target, heading, resolved });
  };

  const propertyTypes = usePropertyTypes(api);

  const suggestTags = useCallback((query: string) => api.suggestTags({ query, limit: 8 }), [api]);

  // A recovered draft goes into the editor and is saved like any edit.
  const restored = useRef(false);
  useEffect(() => {
    if (!props.restoreContent || restored.current) return;
    restored.current = true;
    editor.replaceBody(NoteSession.bodyOf(props.restoreContent));
    session.edited();
    void session.flush();
  }, [props.restoreContent, session, editor]);

  useEffect(() => {
    if (snapshot.removedExternally) {
      props.onNotice(`“${summary.title}” was deleted or renamed outside Study Notebook.`);
      props.onClosed();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot.removedExternally]);

  /** Asks whether to update the links to this note, when there are some. */
  const askAboutLinks = async (to: string): Promise<RenameChoice> => {
    const counts = await api.countLinksToNote({ path: session.state.path }).catch(() => ({ links: 0, notes: 0 }));
    if (counts.links === 0) return 'keep';
    return new Promise<RenameChoice>((resolve) =>
      setRenameAsk({
        to,
        ...counts,
        answer: (choice) => {
          setRenameAsk(null);
          resolve(choice);
        },
      }),
    );
  };

  const rename = async (title: string): Promise<string | null> => {
    await session.flush();
    const previousPath = session.state.path;
    const choice = await askAboutLinks(title);
    // Cancelled: the title goes back to what it was.
    if (choice === 'cancel') return null;
    try {
      const { note: renamed, linkUpdates } = await api.renameNote({
        path: previousPath,
        title,
        updateLinks: choice === 'update',
      });
      session.renamed(renamed);
      setSummary(renamed);
      props.onSummaryChanged(renamed, previousPath);
      if (linkUpdates && linkUpdates.failed.length > 0) {
        const failed = linkUpdates.failed.map((failure) => `${failure.path} (${failure.message})`).join('; ');
        props.onNotice(
          `Links could not be updated in ${plural(linkUpdates.failed.length, 'note', 'notes')}: ${failed}`,
        );
      } else if (linkUpdates && linkUpdates.updated.length > 0) {
        const links = linkUpdates.updated.reduce((sum, file) => sum + file.links, 0);
        props.onNotice(
          `Updated ${plural(links, 'link', 'links')} in ${plural(linkUpdates.updated.length, 'note', 'notes')}.`,
        );
      }
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  };

  const remove = async () => {
    setConfirmDelete(false);
    await session.flush();
    try {
      await api.deleteNote({ path: session.state.path });
      props.onNotice(`Moved “${summary.title}” to the trash.`);
      props.onClosed();
    } catch (error) {
      props.onNotice(`“${summary.title}” could not be deleted: ${error instanceof Error ? error.message : error}`);
    }
  };

  const readOnly = note.readOnly !== null;
  const terms = useTermDefinitions({
    api,
    notePath,
    frontMatter: snapshot.frontMatter,
    eol: eolOf(note.content),
    readOnly,
    editFrontMatter: (frontMatter) => session.editFrontMatter(frontMatter),
    openBeside: (card) =>
      props.onOpenWikiLink?.({
        target: card.target,
        heading: null,
        resolved: { ref: { kind: 'entry', id: card.id }, kind: 'entry', title: card.title },
      }),
    open: (card) => props.onOpenEntry?.(card.id),
    onNotice: props.onNotice,
  });
  return (
    <div className="note-view">
      <header className="note-header">
        {/* The note's title as a heading, for screen readers' heading navigation (the field below edits it). */}
        <h1 className="visually-hidden">{summary.title}</h1>
        <NoteTitle
          title={summary.title}
          folder={summary.folder}
          readOnly={readOnly}
          autoFocus={props.focusTitle === true}
          onRename={rename}
          onDone={() => editor.focus()}
        />
        <div className="note-header-tools">
          <SaveIndicator state={snapshot.save} onRetry={() => void session.retry()} />
          {props.headerTools}
          <button
            type="button"
            className="icon-button"
            aria-label="Move note to trash"
            title="Move to trash"
            onClick={() => setConfirmDelete(true)}
          >
            <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true">
              <path
                d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.3"
                strokeLinejoin="round"
              />
            </svg>
          </button>
        </div>
      </header>
      {note.readOnly && <Notice tone="warning">This note is shown read-only: {note.readOnly.reason}</Notice>}
      {snapshot.forkedFrom && (
        <Notice
          tone="warning"
          actions={
            <>
              <button type="button" className="text-button" onClick={() => props.onOpenPath(snapshot.forkedFrom!)}>
                Open the original
              </button>
              <button type="button" className="text-button" onClick={() => session.dismissConflict()}>
                Dismiss
              </button>
            </>
          }
        >
          “{titleOf(snapshot.forkedFrom)}” was changed outside Study Notebook in the same place you were writing. Both
          versions are kept: you are now editing yours, “{summary.title}”, and “{titleOf(snapshot.forkedFrom)}” has the
          other.
        </Notice>
      )}
      <div className="note-body">
        {/* Under the title, scrolling with the text, as in Obsidian. */}
        <PropertiesPanel
          frontMatter={snapshot.frontMatter}
          eol={eolOf(note.content)}
          readOnly={readOnly}
          onChange={(frontMatter) => session.editFrontMatter(frontMatter)}
          onTagClick={(tag) => requestSearch(`tag:${tag}`)}
          onOpenLink={(target, heading) => void openPropertyLink(target, heading)}
          vaultTypes={propertyTypes.info}
          onTypeChange={propertyTypes.setType}
        />
        <Editor
          ref={attachEditor}
          initialMarkdown={NoteSession.bodyOf(note.content)}
          readOnly={readOnly}
          ariaLabel={`Note: ${summary.title}`}
          placeholder="Start writing… Markdown shortcuts work: # heading, - list, [ ] task, > quote"
          onChange={(change) => session.edited(change)}
          onBlur={() => void session.flush()}
          onCompositionEnd={() => void session.flush()}
          wikiLinks={wikiLinks}
          media={media}
          suggestTags={suggestTags}
          quoteDrop={HIGHLIGHT_QUOTE_DROP}
          terms={terms}
        />
      </div>
      {renameAsk && (
        <RenameLinksDialog
          from={summary.title}
          to={renameAsk.to}
          links={renameAsk.links}
          notes={renameAsk.notes}
          onChoose={renameAsk.answer}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={`Move “${summary.title}” to the trash?`}
          confirmLabel="Move to trash"
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(false)}
        >
          You can restore it from the trash later.
        </ConfirmDialog>
      )}
    </div>
  );
}
