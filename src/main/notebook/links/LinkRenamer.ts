import pLimit from 'p-limit';
import { NotebookError } from '@shared/api/errors';
import { sameDoc, type DocRef } from '@shared/domain/docRef';
import type { LinkUpdateReport } from '@shared/domain/links';
import type { Note, RenameResult } from '@shared/domain/note';
import type { NoteModel } from '@shared/markdown/noteModel';
import type { VaultStore } from '../vault/VaultStore';
import type { LinkIndex } from './LinkIndex';
import { linkKeyOf } from './linkKey';
import { renamedTarget, replaceLinkTargets } from './rewriteLinks';

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

  /** Rewrites, in one note, the links with these keys that no longer reach the note now at `newPath`. */
  private async rewriteLinksIn(path: string, keys: ReadonlySet<string>, newPath: string): Promise<number> {
    const newRef: DocRef = { kind: 'note', path: newPath };
    const newTitle = this.deps.index().get(newPath)?.title ?? newPath.replace(/^.*\//, '').replace(/\.md$/i, '');
    for (let attempt = 0; ; attempt++) {
      const note = await this.deps.store.readNote(path);
      if (note.readOnly)
        throw new NotebookError('read-only', `"${note.title}" cannot be edited: ${note.readOnly.reason}`);
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
}
