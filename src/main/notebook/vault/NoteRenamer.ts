import { basename, join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import type { NoteSummary } from '@shared/domain/note';
import { folderOfPath, notePathFor, notePathProblem, sanitizeTitle, titleOfPath } from '@shared/domain/notePath';
import { moveFileNoReplace, renameCaseOnly } from '../fs/moveFile';
import { errorCode } from '../fs/VaultFs';
import { alreadyExists, emptyTitle, keyOf, metaOf, readNoteFile, stripNote } from './noteFile';
import type { VaultContext } from './VaultContext';

/** Hooks around a rename, for features that follow notes (the link service rewrites links). */
export interface RenameHooks {
  /** Runs before the file moves; throwing a NotebookError cancels the rename. */
  beforeRename?(from: string, to: string): Promise<void> | void;
  /** Runs after the file moved and the change was announced. Errors are logged, not thrown. */
  afterRename?(from: string, to: string): Promise<void> | void;
}

/**
 * Renaming a note within its folder: the file moves (never over another note, letter case
 * alone included), its draft moves along, the change is announced as the old path removed
 * and the new one added, and the hooks run around it (rewriting the links that pointed to
 * the old title).
 */
export class NoteRenamer {
  constructor(
    private readonly vault: VaultContext,
    private readonly hooks: RenameHooks = {},
  ) {}

  /** See VaultStore.renameNote. */
  async renameNote(args: { path: string; title: string }): Promise<NoteSummary> {
    const vault = this.vault;
    vault.assertOpen();
    const { path } = args;
    const title = sanitizeTitle(args.title);
    if (title === '') throw emptyTitle();
    const folder = folderOfPath(path);
    const newPath = notePathFor(folder, title);
    const problem = notePathProblem(newPath);
    if (problem)
      throw new NotebookError('invalid-arguments', `The title "${title}" cannot name a note: the path ${problem}.`);
    try {
      return await vault.queue.run([keyOf(path), keyOf(newPath)], async () => {
        vault.activity++;
        const folderAbs = await vault.paths.forFolder(folder, { createFolders: false });
        // Validates the note (and refuses a link leading outside the vault).
        const source = await vault.paths.forWrite(path, { createFolders: false });
        if (!source.exists) throw new NotebookError('not-found', `There is no note "${path}" in the vault.`);
        const from = join(folderAbs, basename(path));
        const to = join(folderAbs, `${title}.md`);
        if (newPath === path) return this.summaryAt(path, from);
        const caseOnly = newPath.toLowerCase() === path.toLowerCase();
        const sourceName = basename(path);
        for (const entry of await vault.fs.readdir(folderAbs)) {
          if (entry.name !== sourceName && entry.name.toLowerCase() === `${title}.md`.toLowerCase()) {
            throw alreadyExists(title, folder);
          }
        }
        await this.hooks.beforeRename?.(path, newPath);
        try {
          if (caseOnly) await renameCaseOnly(vault.fs, from, to);
          else await moveFileNoReplace(vault.fs, from, to);
        } catch (error) {
          if (errorCode(error) === 'EEXIST') throw alreadyExists(title, folder);
          throw error;
        }
        await this.moveDraft(path, newPath);
        vault.forget(path);
        const summary = await this.summaryAt(newPath, to);
        vault.emit([{ kind: 'removed', path, external: false }, vault.change('added', newPath, false)]);
        try {
          await this.hooks.afterRename?.(path, newPath);
        } catch (error) {
          vault.log(`After renaming ${path} to ${newPath}`, error);
        }
        return summary;
      });
    } catch (error) {
      throw await vault.failure(`Could not rename "${titleOfPath(path)}"`, error);
    }
  }

  /**
   * Moves a note into another folder under the same file name (see VaultStore.moveNote): the
   * file moves atomically and never over another file, its draft moves along, and the change
   * is announced as the old path removed and the new one added. No link is rewritten: a link
   * by title still finds the note, which keeps its name.
   */
  async moveNote(args: { path: string; folder: string }): Promise<NoteSummary> {
    const vault = this.vault;
    vault.assertOpen();
    const { path, folder } = args;
    const name = basename(path);
    const newPath = folder ? `${folder}/${name}` : name;
    const problem = notePathProblem(newPath);
    if (problem)
      throw new NotebookError('invalid-arguments', `The folder "${folder}" cannot hold notes: the path ${problem}.`);
    if (newPath === path) throw new NotebookError('invalid-arguments', `"${path}" is already in that folder.`);
    try {
      return await vault.queue.run([keyOf(path), keyOf(newPath)], async () => {
        vault.activity++;
        const source = await vault.paths.forWrite(path, { createFolders: false });
        if (!source.exists) throw new NotebookError('not-found', `There is no note "${path}" in the vault.`);
        const fromFolder = await vault.paths.forFolder(folderOfPath(path), { createFolders: false });
        const target = await vault.paths.forWrite(newPath, { createFolders: true });
        if (target.exists) throw alreadyExists(titleOfPath(newPath), folder);
        const from = join(fromFolder, name);
        try {
          await moveFileNoReplace(vault.fs, from, target.abs);
        } catch (error) {
          if (errorCode(error) === 'EEXIST') throw alreadyExists(titleOfPath(newPath), folder);
          throw error;
        }
        await this.moveDraft(path, newPath);
        vault.forget(path);
        const summary = await this.summaryAt(newPath, target.abs);
        vault.emit([{ kind: 'removed', path, external: false }, vault.change('added', newPath, false)]);
        return summary;
      });
    } catch (error) {
      throw await vault.failure(`Could not move "${titleOfPath(path)}"`, error);
    }
  }

  /** Reads a note's file to refresh its record, and returns its summary. */
  private async summaryAt(path: string, abs: string): Promise<NoteSummary> {
    const vault = this.vault;
    const note = await readNoteFile(vault.fs, path, abs);
    const stats = await vault.fs.stat(abs);
    vault.remember(path, metaOf(stats, note.size), note.readOnly ? null : note.content, note.version);
    return stripNote(note);
  }

  private async moveDraft(from: string, to: string): Promise<void> {
    const drafts = this.vault.drafts;
    try {
      const draft = await drafts.read(from);
      if (!draft) return;
      await drafts.write({ ...draft, path: to });
      await drafts.remove(from);
    } catch (error) {
      this.vault.log(`Could not move the recovery copy of ${from} to ${to}`, error);
    }
  }
}
