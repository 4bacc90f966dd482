import { normalizeLinkTarget } from '@shared/links/normalizeLinkTarget';
import type { EmbedContent } from '@shared/domain/embeds';
import type { HeadingInfo, LinkPreview, LinkSuggestion, ResolvedTarget } from '@shared/domain/links';

/** A wiki link the user asked to open (click, Mod+Enter, the preview card). */
export interface WikiLinkOpenRequest {
  /** The target as written ('' for a heading of the same note). */
  target: string;
  heading: string | null;
  /** What the target resolves to from the note; null when nothing answers to it. */
  resolved: ResolvedTarget | null;
}

/**
 * What the editor's wiki-link features need from the app: the backend's link methods,
 * seen from the note being edited, and the shell's way of opening things. The editor
 * works without one (links load and save, nothing resolves or opens).
 */
export interface WikiLinkHost {
  /** The note being edited: links resolve from it (same folder first, as in Obsidian). */
  readonly notePath: string | null;
  /** Where the editor's text starts in the note's file (the length of the front matter). */
  readonly bodyOffset: number;
  resolveLinks(targets: string[]): Promise<Array<ResolvedTarget | null>>;
  suggestLinkTargets(query: string): Promise<LinkSuggestion[]>;
  listHeadings(target: string): Promise<HeadingInfo[]>;
  getLinkPreview(target: string): Promise<LinkPreview | null>;
  /**
   * Creates a note for a link target typed in the `[[` menu. Resolves to the target to
   * write in the link (the new note's title), or null when it failed (the host says why).
   */
  createNote(title: string): Promise<string | null>;
  openLink(request: WikiLinkOpenRequest): void;
  /**
   * What an embed `![[target#part]]` shows (see NotebookApi.getEmbed), resolved from the
   * note at `from` (default: this note). Without it, embeds show their source only.
   */
  getEmbed?(target: string, part: string | null, from?: string): Promise<EmbedContent | null>;
  /**
   * Calls `listener` with the paths of notes that changed (saved, changed on disk, added,
   * removed), or null when anything may have changed (entries, a reconnect). Returns the cleanup.
   */
  onNotesChanged?(listener: (paths: string[] | null) => void): () => void;
  /** Calls `listener` whenever links may resolve differently (notes added or renamed…). Returns the cleanup. */
  onLinksChanged(listener: () => void): () => void;
  /**
   * The same host seen from the note at `notePath` (the same object for the same path): the
   * links of a note embedded in this one resolve from the embedded note, as Obsidian
   * resolves them, and its `[[#Heading]]` opens it. Without it, they resolve from this note.
   */
  seenFrom?(notePath: string): WikiLinkHost;
}

/** `host` seen from the note at `notePath` (see WikiLinkHost.seenFrom). */
export function hostSeenFrom(host: WikiLinkHost, notePath: string): WikiLinkHost {
  if (host.notePath === notePath || !host.seenFrom) return host;
  return host.seenFrom(notePath);
}

/** The key two spellings of one target share (`[[Cells]]`, `[[cells.md]]`). */
export function targetKey(target: string): string {
  return normalizeLinkTarget(target);
}

/**
 * What the wiki links of one editor resolve to, shared by its plugins: the resolution
 * plugin fills it, the click and preview plugins read it. `undefined` means not known yet.
 */
export class WikiLinkResolutions {
  private readonly byKey = new Map<string, ResolvedTarget | null>();

  get(target: string): ResolvedTarget | null | undefined {
    return this.byKey.get(targetKey(target));
  }

  set(target: string, resolved: ResolvedTarget | null): void {
    this.byKey.set(targetKey(target), resolved);
  }

  /** Resolves `target` now if it is not known yet (a click right after typing). */
  async resolve(host: WikiLinkHost, target: string): Promise<ResolvedTarget | null> {
    const known = this.get(target);
    if (known !== undefined) return known;
    const [resolved = null] = await host.resolveLinks([target]);
    this.set(target, resolved);
    return resolved;
  }
}
