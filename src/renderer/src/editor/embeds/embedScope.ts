/**
 * What the embeds of one editor need: the app's link host, the note they are in (embeds
 * resolve from it), and the chain of documents being shown around them, so an embed that
 * would show one of them again (a cycle) or nest too deep stops with a notice instead.
 * Kept per Lexical editor (EmbedPlugin sets it), because embeds are decorators, rendered
 * by Lexical rather than under the editor's React providers.
 */
import type { LexicalEditor } from 'lexical';
import type { ComponentType } from 'react';
import type { WikiLinkHost } from '../plugins/wikiLinkHost';

/** Embeds inside embeds stop with a notice below this many levels. */
export const MAX_EMBED_DEPTH = 4;

export interface EmbedScope {
  readonly host: WikiLinkHost;
  /** The note the embeds are written in (they resolve from it); null when unknown. */
  readonly from: string | null;
  /** Keys (embedKey) of the documents shown around the embeds, outermost first. */
  readonly chain: readonly string[];
  /**
   * Shows a note's Markdown read-only (EmbeddedNote, given by EmbedPlugin: the node cannot
   * import the editor's dialect, which lists the node).
   */
  readonly Content: ComponentType<EmbeddedContentProps>;
}

export interface EmbeddedContentProps {
  readonly markdown: string;
  /** The note the Markdown is from (its images and embeds resolve from it). */
  readonly path: string;
  /** The scope of the embeds inside it. */
  readonly scope: EmbedScope;
  /** The accessible name of the content. */
  readonly label: string;
}

const scopes = new WeakMap<LexicalEditor, EmbedScope>();
const listeners = new WeakMap<LexicalEditor, Set<() => void>>();

/** Sets the scope of `editor`'s embeds; returns the cleanup. */
export function setEmbedScope(editor: LexicalEditor, scope: EmbedScope): () => void {
  scopes.set(editor, scope);
  notify(editor);
  return () => {
    if (scopes.get(editor) !== scope) return;
    scopes.delete(editor);
    notify(editor);
  };
}

export function embedScopeOf(editor: LexicalEditor): EmbedScope | null {
  return scopes.get(editor) ?? null;
}

/** Calls `listener` when `editor`'s scope changes; returns the cleanup. */
export function onEmbedScope(editor: LexicalEditor, listener: () => void): () => void {
  let set = listeners.get(editor);
  if (!set) listeners.set(editor, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

function notify(editor: LexicalEditor): void {
  for (const listener of [...(listeners.get(editor) ?? [])]) listener();
}

/**
 * The key of a document part in a chain: a note by path or an entry by id, with the part
 * compared loosely (`Note#Part` and `note#part` are one).
 */
export function embedKey(
  ref: { kind: 'note'; path: string } | { kind: 'entry'; id: string },
  part: string | null,
): string {
  const doc = ref.kind === 'note' ? `note:${ref.path}` : `entry:${ref.id}`;
  return `${doc}#${(part ?? '').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** Why an embed of `key` inside `chain` is not shown: a cycle, too deep, or null when it may be. */
export function embedStop(chain: readonly string[], key: string): 'cycle' | 'depth' | null {
  if (chain.includes(key)) return 'cycle';
  // The chain holds the note itself, then one key per level of embedding around this one.
  if (chain.length > MAX_EMBED_DEPTH) return 'depth';
  return null;
}
