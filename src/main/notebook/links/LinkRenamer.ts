import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import { sameDoc, type DocRef } from '@shared/domain/docRef';
import type { LinkUpdateReport } from '@shared/domain/links';
import type { Note, RenameResult } from '@shared/domain/note';
import type { NoteModel } from '@shared/markdown/noteModel';
import type { VaultStore } from '../vault/VaultStore';
import type { LinkIndex } from './LinkIndex';
import { linkKeyOf } from './linkKey';
import { normalizeName } from '@shared/links/normalizeLinkTarget';
import type { NoteLink } from '@shared/markdown/noteModel';
import { Tier } from './LinkIndex';
import { renamedPackTarget, renamedTarget, replaceLinkTargets } from './rewriteLinks';

/**
 * The links naming a pack's entries as `[[Pack name/Title]]` under its current name (see
 * LinkRenamer.findPackLinks): per note, each key and the entry it reached (null for a
 * hidden pack, whose entries are not linked).
 */
export interface PackLinks {
  packId: string;
  /** The pack's name, normalized (`normalizeName`). */
  packKey: string;
  sources: Array<{ path: string; keys: Map<string, string | null> }>;
  links: number;
}

/** Renaming a note and rewriting the links that pointed to it, through the vault store. */
export class LinkRenamer {
  constructor(
    private readonly deps: {
      /** The current index (the service may swap in a rebuilt one). */
      index: () => LinkIndex;
      store: VaultStore;
      /** Resolves once the index caught up with every change announced so far. */
      idle: () => Promise<void>;
      /** A note's model, from the shared cache. */
      modelOf: (note: Note) => NoteModel;
    },
  ) {}

  /**
   * Renames a note through the store and, with `updateLinks`, rewrites the links to it in
   * other notes (see NotebookApi.renameNote). Links are collected before the rename (what
   * pointed to the note then); after it, each one that no longer reaches the note gets the
   * new name in its own form (`Old` → `New`, `Folder/Old` → `Folder/New`), or the shortest
   * spelling that reaches the note from that file when the new name is ambiguous there.
   * Each file is rewritten atomically; a file that fails is reported and the others go on.
   */
  async renameNote(args: { path: string; title: string; updateLinks?: boolean }): Promise<RenameResult> {
    if (!args.updateLinks) return { note: await this.deps.store.renameNote(args), linkUpdates: null };
    await this.deps.idle();
    const before = this.deps
      .index()
      .linksTo({ kind: 'note', path: args.path }, { viaAlias: true })
      .map(({ note, links }) => ({ path: note.path, keys: new Set(links.map((link) => link.key)) }));
    const renamed = await this.deps.store.renameNote({ path: args.path, title: args.title });
    await this.deps.idle();
    const report: LinkUpdateReport = { updated: [], failed: [] };
    const results = await pLimit(4).map(before, async ({ path, keys }) => {
      try {
        return { path, links: await this.rewriteLinksIn(path, keys, renamed.path), error: null };
      } catch (error) {
        return { path, links: 0, error: error instanceof Error ? error.message : String(error) };
      }
    });
    for (const { path, links, error } of results) {
      if (error !== null) report.failed.push({ path, message: error });
      else if (links > 0) report.updated.push({ path, links });
    }
    await this.deps.idle();
    return { note: renamed, linkUpdates: report };
  }

  /**
   * The links that name pack `packId` by its name `name` (`[[Name/Title]]`, any form:
   * embeds, headings, labels, Markdown links, properties), as the resolution rule reads
   * them: a key counts when the pack has an entry with that title (`hasTitle`, normalized)
   * and the key reaches that pack's entry, or nothing (a hidden pack); a key a note answers
   * (a note at `Name/Title.md`, as notes beat entries) or another pack's entry does not.
   */
  async findPackLinks(packId: string, name: string, hasTitle: (titleKey: string) => boolean): Promise<PackLinks> {
    await this.deps.idle();
    const index = this.deps.index();
    const packKey = normalizeName(name);
    const byPath = new Map<string, Map<string, string | null>>();
    for (const { key, paths } of index.keysStartingWith(`${packKey}/`)) {
      if (!hasTitle(key.slice(packKey.length + 1))) continue;
      const now = index.resolveKey(key, null);
      let entryId: string | null = null;
      if (now) {
        if (now.ref.kind !== 'entry' || now.tier !== Tier.EntryTitle) continue;
        if (index.entry(now.ref.id)?.packId !== packId) continue;
        entryId = now.ref.id;
      }
      for (const path of paths) {
        let keys = byPath.get(path);
        if (!keys) byPath.set(path, (keys = new Map()));
        keys.set(key, entryId);
      }
    }
    const sources = [...byPath].map(([path, keys]) => ({ path, keys })).sort((a, b) => (a.path < b.path ? -1 : 1));
    let links = 0;
    for (const { path, keys } of sources) {
      links += index.get(path)?.links.filter((link) => keys.has(link.key)).length ?? 0;
    }
    return { packId, packKey, sources, links };
  }

  /**
   * Once the pack is called `newName` (and the index knows it), rewrites the pack part of
   * the links found before the rename, and nothing else of them; a link the new spelling
   * would not reach (a note now answers it) gets the entry's shortest spelling instead.
   * Same safe writes as renameNote: atomic per file, retried on a concurrent edit, a file
   * that fails reported while the others go on.
   */
  async rewritePackLinks(found: PackLinks, newName: string): Promise<LinkUpdateReport> {
    await this.deps.idle();
    const report: LinkUpdateReport = { updated: [], failed: [] };
    const results = await pLimit(4).map(found.sources, async ({ path, keys }) => {
      try {
        return { path, links: await this.rewritePackLinksIn(path, keys, found.packKey, newName), error: null };
      } catch (error) {
        return { path, links: 0, error: error instanceof Error ? error.message : String(error) };
      }
    });
    for (const { path, links, error } of results) {
      if (error !== null) report.failed.push({ path, message: error });
      else if (links > 0) report.updated.push({ path, links });
    }
    await this.deps.idle();
    return report;
  }

  private async rewritePackLinksIn(
    path: string,
    keys: ReadonlyMap<string, string | null>,
    packKey: string,
    newName: string,
  ): Promise<number> {
    return this.saveEdits(path, (note) => {
      const index = this.deps.index();
      const edits: Array<{ link: NoteLink; target: string }> = [];
      for (const link of this.deps.modelOf(note).links) {
        const key = linkKeyOf(link.target, path);
        if (!keys.has(key)) continue;
        const entryId = keys.get(key);
        const renamed = renamedPackTarget(link.target, packKey, newName);
        let target = renamed;
        if (entryId) {
          const ref: DocRef = { kind: 'entry', id: entryId };
          const reached = target === null ? null : index.resolve(target, path);
          if ((!reached || !sameDoc(reached, ref)) && index.has(ref)) target = index.spellingFor(ref, path);
        }
        if (target === null) continue;
        edits.push(target === renamed ? packPartEdit(note.content, link, target, packKey, newName) : { link, target });
      }
      return edits;
    });
  }

  /**
   * Writes the edits `plan` makes of a note's current text, retrying (re-reading and
   * re-planning) when the note changed in between; the number of links rewritten.
   */
  private async saveEdits(
    path: string,
    plan: (note: Note) => Array<{ link: NoteLink; target: string }>,
  ): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const note = await this.deps.store.readNote(path);
      if (note.readOnly)
        throw new NotebookError('read-only', `"${note.title}" cannot be edited: ${note.readOnly.reason}`);
      const edits = plan(note);
      if (edits.length === 0) return 0;
      try {
        await this.deps.store.saveNote(
          { path, content: replaceLinkTargets(note.content, edits), baseVersion: note.version },
          { reloadEditors: true, onConflict: 'fail' },
        );
        return edits.length;
      } catch (error) {
        if (error instanceof NotebookError && error.code === 'conflict' && attempt < 2) continue;
        throw error;
      }
    }
  }

  /** Rewrites, in one note, the links with these keys that no longer reach the note now at `newPath`. */
  private async rewriteLinksIn(path: string, keys: ReadonlySet<string>, newPath: string): Promise<number> {
    const newRef: DocRef = { kind: 'note', path: newPath };
    const newTitle = this.deps.index().get(newPath)?.title ?? newPath.replace(/^.*\//, '').replace(/\.md$/i, '');
    return this.saveEdits(path, (note) => {
      const index = this.deps.index();
      const edits = [];
      for (const link of this.deps.modelOf(note).links) {
        const key = linkKeyOf(link.target, path);
        if (!keys.has(key)) continue;
        const now = index.resolveKey(key, path);
        if (now && sameDoc(now.ref, newRef)) continue;
        let target = renamedTarget(link.target, newTitle);
        const found = index.resolve(target, path);
        if (!found || !sameDoc(found, newRef)) target = index.spellingFor(newRef, path);
        edits.push({ link, target });
      }
      return edits;
    });
  }
}

/**
 * The edit giving `link` the target `target`. A Markdown link whose target is its pack part
 * renamed has only that part of its destination rewritten, so the title keeps the encoding
 * it was written with (`[t](Old%20Pack/Bank.md)` → `[t](New%20Pack/Bank.md)`).
 */
function packPartEdit(
  text: string,
  link: NoteLink,
  target: string,
  packKey: string,
  newName: string,
): { link: NoteLink; target: string } {
  if (!link.markdown) return { link, target };
  const raw = text.slice(link.markdown.pathStart, link.markdown.pathEnd);
  const parts = packKey.split('/').length;
  const separators = /[/\\]/g;
  let at = -1;
  for (let seen = 0; seen < parts; seen++) {
    const found = separators.exec(raw);
    if (!found) return { link, target };
    at = found.index;
  }
  const markdown = { ...link.markdown, pathEnd: link.markdown.pathStart + at };
  return { link: { ...link, markdown, target: raw.slice(0, at) }, target: newName.trim() };
}
