import type { NotebookClient } from '@shared/api/createClient';
import type { DocRef } from '@shared/domain/docRef';
import type { MentionContext } from '@shared/domain/links';
import type { NoteSummary } from '@shared/domain/note';
import { useCallback, useState } from 'react';
import type { WikiLinkOpenRequest } from '../../editor/plugins/wikiLinkHost';
import { requestReveal, revealTargetOf } from '../../editor/revealRequest';
import { revealEntrySection } from '../../features/links/revealEntrySection';
import { revealHighlight } from '../../features/highlights/revealHighlight';
import { highlightIdOfHeading } from '@shared/links/highlightLink';
import type { SideTab } from '../../features/links/SidePanel';
import type { Workspace } from '../workspace';
import { linkTargetPlace } from './linkTargetPlace';

/** How the next note view opens its note. */
export interface OpenNoteOptions {
  /** Text to show instead of the file's (a restored draft), unsaved until the user saves. */
  restoreContent?: string;
  /** Put the caret in the title (a new untitled note). */
  focusTitle?: boolean;
}

export interface NavigationDeps {
  api: NotebookClient;
  workspace: Workspace;
  changeWorkspace: (patch: Partial<Workspace>, persist?: boolean) => void;
  /** Shows a tab of the side panel (an entry opened beside a note shows 'reference'). */
  setPanelTab: (tab: SideTab) => void;
  /** Puts a note the app just created or restored into the sidebar list at once. */
  upsertNote: (note: NoteSummary) => void;
  /** Tells the user something went wrong. */
  notify: (message: string) => void;
}

/**
 * Where the user goes: opening notes and entries (an entry opens beside a note being
 * written, else in the main view), following wiki links and mentions to their place,
 * and creating notes, from the sidebar, the switcher or a link to a note that does not
 * exist yet (after asking: `createAsk` holds the target waiting for an answer).
 */
export function useNavigation({ api, workspace, changeWorkspace, setPanelTab, upsertNote, notify }: NavigationDeps) {
  const [openOptions, setOpenOptions] = useState<OpenNoteOptions>({});
  // A new generation remounts the note view, so opening the same note again starts afresh.
  const [noteGeneration, setNoteGeneration] = useState(0);
  const [createAsk, setCreateAsk] = useState<string | null>(null);

  const main = workspace.main;
  const openNotePath = main?.kind === 'note' ? main.path : null;
  const mainEntryId = main?.kind === 'entry' ? main.id : null;

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
        upsertNote(note);
        // An untitled note starts in its title; a titled one (from the switcher) in its text.
        openNote(note.path, { focusTitle: !title });
      } catch (error) {
        notify(`A note could not be created: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, upsertNote, openNote, notify],
  );

  /** Creates the note a link points to (`Folder/Title` → that folder) and opens it. */
  const createLinkedNote = useCallback(
    async (target: string) => {
      const { title, folder } = linkTargetPlace(target);
      try {
        const note = await api.createNote(folder ? { title, folder } : { title });
        upsertNote(note);
        openNote(note.path);
      } catch (error) {
        notify(`The note “${title}” could not be created: ${error instanceof Error ? error.message : error}`);
      }
    },
    [api, upsertNote, openNote, notify],
  );

  /** Follows a wiki link: an entry beside the note, a note in the editor (at its heading), else offers to create it. */
  const openWikiLink = useCallback(
    ({ target, heading, resolved }: WikiLinkOpenRequest) => {
      if (target.trim() === '' && openNotePath) {
        if (heading) requestReveal(openNotePath, revealTargetOf(heading));
        return;
      }
      if (resolved === null) {
        setCreateAsk(target.trim());
        return;
      }
      if (resolved.ref.kind === 'entry') {
        openEntry(resolved.ref.id);
        if (heading) {
          // `[[Entry#^h-…]]` points at a highlight (a quote's link back), else at a section.
          const highlightId = highlightIdOfHeading(heading);
          if (highlightId) revealHighlight(resolved.ref.id, highlightId);
          else revealEntrySection(resolved.ref.id, heading);
        }
        return;
      }
      if (heading) requestReveal(resolved.ref.path, revealTargetOf(heading));
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

  return {
    openNotePath,
    mainEntryId,
    openOptions,
    noteGeneration,
    createAsk,
    setCreateAsk,
    openNote,
    openEntry,
    openDoc,
    createNote,
    createLinkedNote,
    openWikiLink,
    openMention,
  };
}
