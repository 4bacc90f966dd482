import type { NotebookClient } from '@shared/api/createClient';
import { isNotebookError } from '@shared/api/errors';
import { titleOfPath } from '@shared/domain/notePath';
import type { WikiLinkHost, WikiLinkOpenRequest } from '../../editor/plugins/wikiLinkHost';

/** What a note's link host reaches in the shell (read when used: the host outlives renders). */
export interface LinkHostShell {
  onOpenWikiLink?(request: WikiLinkOpenRequest): void;
  onNotice(message: string): void;
}

/** A link target typed in the `[[` menu as a note to create: `Folder/Title` → folder and title. */
function noteForTarget(target: string): { title: string; folder?: string } {
  const clean = target.trim().replace(/\.md$/i, '').replace(/\\/g, '/');
  const slash = clean.lastIndexOf('/');
  if (slash < 0) return { title: clean };
  const folder = clean.slice(0, slash).replace(/^\/+/, '');
  return folder ? { title: clean.slice(slash + 1), folder } : { title: clean.slice(slash + 1) };
}

/**
 * The wiki-link host of one open note: the backend's link methods seen from the note at
 * `notePath` (links resolve from its folder first, as in Obsidian), and the shell's way of
 * opening things. `seenFrom(path)` gives the same host seen from another note, for the
 * links inside a note embedded in this one: they resolve from the embedded note, and its
 * `[[#Heading]]` opens that note, never the one around it. Those hosts are made once per path.
 */
export function createNoteLinkHost(
  api: NotebookClient,
  notePath: string,
  bodyOffset: number,
  shell: () => LinkHostShell,
): WikiLinkHost {
  const seen = new Map<string, WikiLinkHost>();
  const hostFrom = (from: string, offset: number): WikiLinkHost => ({
    notePath: from,
    bodyOffset: offset,
    resolveLinks: (targets) => api.resolveLinks({ targets, from }),
    suggestLinkTargets: (query) => api.suggestLinkTargets({ query, limit: 8 }),
    listHeadings: (target) =>
      api.listHeadings({ target: target.trim() === '' ? from.replace(/\.md$/i, '') : target, from }),
    getLinkPreview: (target) => api.getLinkPreview({ target, from }),
    createNote: async (target) => {
      const wanted = noteForTarget(target);
      try {
        const created = await api.createNote(wanted);
        return created.folder && wanted.folder ? `${created.folder}/${created.title}` : created.title;
      } catch (error) {
        // A note of that name exists already: the link reaches it as it is.
        if (isNotebookError(error) && error.code === 'already-exists') return target.trim();
        shell().onNotice(
          `The note “${wanted.title}” could not be created: ${error instanceof Error ? error.message : error}`,
        );
        return null;
      }
    },
    openLink: (request) => {
      // `[[#Heading]]` in an embedded note names a heading of that note.
      if (from !== notePath && request.target.trim() === '') {
        const title = titleOfPath(from);
        shell().onOpenWikiLink?.({
          target: title,
          heading: request.heading,
          resolved: { ref: { kind: 'note', path: from }, kind: 'note', title },
        });
        return;
      }
      shell().onOpenWikiLink?.(request);
    },
    getEmbed: (target, part, embedFrom) =>
      api.getEmbed({ target, ...(part === null ? {} : { part }), from: embedFrom ?? from }),
    onNotesChanged: (listener) => {
      const offNotes = api.on('notes-changed', ({ changes }) => listener(changes.map((change) => change.path)));
      const offGlossary = api.on('glossary-changed', () => listener(null));
      const offResync = api.on('resync', () => listener(null));
      return () => {
        offNotes();
        offGlossary();
        offResync();
      };
    },
    onLinksChanged: (listener) => {
      const offLinks = api.on('links-changed', listener);
      const offNotes = api.on('notes-changed', ({ changes }) => {
        if (changes.some((change) => change.kind !== 'changed')) listener();
      });
      const offResync = api.on('resync', listener);
      return () => {
        offLinks();
        offNotes();
        offResync();
      };
    },
    seenFrom: (path) => {
      if (path === notePath) return main;
      let host = seen.get(path);
      if (!host) seen.set(path, (host = hostFrom(path, 0)));
      return host;
    },
  });
  const main = hostFrom(notePath, bodyOffset);
  return main;
}
