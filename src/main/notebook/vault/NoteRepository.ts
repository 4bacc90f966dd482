import { basename, join } from 'node:path';
import { NotebookError } from '@shared/api/errors';
import { MAX_NOTE_BYTES, type Draft, type Note, type NoteChange, type SaveResult } from '@shared/domain/note';
import { folderOfPath, notePathFor, notePathProblem, sanitizeTitle, titleOfPath } from '@shared/domain/notePath';
import { errorCode } from '../fs/VaultFs';
import { writeFileAtomic, writeFileExclusive } from '../fs/writeFileAtomic';
import { conflictCopyPath } from './conflictCopyPath';
import { decodeNote } from './decodeNote';
import { isIoError } from './ioFailure';
import { moveToVaultTrash, trashFolderFor } from './moveToVaultTrash';
import {
  alreadyExists,
  copySummary,
  emptyTitle,
  encodeNote,
  equalBytes,
  fileVersion,
  keyOf,
  metaOf,
  readIfExists,
  readNoteFile,
  refuseNul,
  tooLarge,
} from './noteFile';
import { versionOf } from './noteVersion';
import { untitledTitle } from './untitledTitle';
import type { VaultContext } from './VaultContext';

/** Options of a save the app makes on its own (not an editor saving what the user typed). */
export interface SaveOptions {
  /**
   * Announce the change as `external: true`, so an editor showing the note reloads it: for
   * rewrites the app makes on the user's behalf (linking mentions, updating links after a
   * rename), which no editor typed. Default false.
   */
  reloadEditors?: boolean;
  /**
   * What a file that changed since `baseVersion` (or disappeared) does to the save:
   * `'copy'` (the default) keeps the content as a conflict copy; `'fail'` writes nothing and
   * throws a `conflict` NotebookError, for rewrites that can simply be redone on the new text.
   */
  onConflict?: 'copy' | 'fail';
}

/**
 * Reading and writing notes and their drafts: read, save (with conflict copies), create,
 * delete, and the drafts (recovery copies) of this vault. Every write takes the note's turn
 * in the vault's queue and records what it wrote, so a rescan sees it as the app's own.
 */
export class NoteRepository {
  constructor(
    private readonly vault: VaultContext,
    private readonly options: { trashItem?: (absolutePath: string) => Promise<void> } = {},
  ) {}

  /** See VaultStore.readNote. */
  async readNote(path: string): Promise<Note> {
    const vault = this.vault;
    vault.assertOpen();
    try {
      const abs = await vault.paths.forRead(path);
      return await readNoteFile(vault.fs, path, abs);
    } catch (error) {
      throw await vault.failure(`Could not read "${titleOfPath(path)}"`, error);
    }
  }

  /** See VaultStore.saveNote. */
  async saveNote(
    args: { path: string; content: string; baseVersion: string | null; ifChanged?: 'copy' | 'report' },
    options: SaveOptions = {},
  ): Promise<SaveResult> {
    const vault = this.vault;
    vault.assertOpen();
    const { path, content, baseVersion, ifChanged = 'copy' } = args;
    const external = options.reloadEditors ?? false;
    const bytes = encodeNote(content);
    if (bytes.length > MAX_NOTE_BYTES) throw tooLarge(path, bytes.length);
    refuseNul(content);
    return vault.queue.run(keyOf(path), async () => {
      vault.activity++;
      const title = titleOfPath(path);
      let draftKept = true;
      try {
        await vault.drafts.write({ path, content, baseVersion, savedAt: vault.now().toISOString() });
      } catch (error) {
        // The save itself may still work; if it fails too, the editor still holds the text.
        draftKept = false;
        vault.log(`Could not write the recovery copy for ${path}`, error);
      }
      try {
        const target = await vault.paths.forWrite(path, { createFolders: true });
        const current = target.exists ? await readIfExists(vault.fs, target.abs) : null;
        if (current?.bytes && equalBytes(current.bytes, bytes)) {
          await this.removeDraft(path);
          const version = versionOf(bytes);
          const known = vault.records.get(path);
          const record = vault.remember(path, current.stats, content, version);
          // Another program wrote these very bytes: the list may not know yet.
          if (known?.version !== version) {
            vault.handOff(path, record, content);
            vault.emit([vault.change(known ? 'changed' : 'added', path, external)]);
          }
          return { status: 'saved', note: copySummary(record.summary), version };
        }
        const changed = current ? fileVersion(current.bytes, current.stats) !== baseVersion : baseVersion !== null;
        if (changed && options.onConflict === 'fail') {
          throw new NotebookError('conflict', `"${title}" changed on disk meanwhile; nothing was written.`);
        }
        if (current) {
          const currentVersion = fileVersion(current.bytes, current.stats);
          if (currentVersion !== baseVersion) {
            // Text that can be merged goes back to the caller; anything else is kept as a copy.
            const mergeable = current.bytes !== null && decodeNote(current.bytes).readOnly === null;
            if (ifChanged === 'report' && mergeable) return await this.reportStale(path, target.abs);
            return await this.saveConflictCopy(path, bytes, target.abs);
          }
          if (!current.bytes || decodeNote(current.bytes).readOnly) {
            await this.removeDraft(path);
            throw new NotebookError(
              'read-only',
              `"${title}" is not a plain UTF-8 text file; the app does not overwrite it.`,
            );
          }
        }
        // A note deleted elsewhere while it was being edited is written back: nothing is overwritten.
        const mode = current ? current.stats.mode & 0o777 : undefined;
        await writeFileAtomic(target.abs, bytes, { fs: vault.fs, mode });
        const stats = await vault.fs.stat(target.abs);
        const version = versionOf(bytes);
        const existed = vault.records.has(path);
        const record = vault.remember(path, stats, content, version);
        // The indexes take the text written here instead of reading the file again.
        vault.handOff(path, record, content);
        vault.emit([vault.change(existed ? 'changed' : 'added', path, external)]);
        await this.removeDraft(path);
        return { status: 'saved', note: copySummary(record.summary), version };
      } catch (error) {
        if (error instanceof NotebookError && error.code !== 'io-failure') {
          // A refused path or a read-only file: the draft could never be saved there.
          await this.removeDraft(path);
          throw error;
        }
        const advice = draftKept
          ? 'Your text is kept in a recovery copy outside the vault; try again once the problem is solved.'
          : 'The recovery copy could not be written either: keep the app open so the text stays in the editor.';
        throw await vault.failure(`Could not save "${title}"`, error, advice);
      }
    });
  }

  /** See VaultStore.createNote. */
  async createNote(args: { title?: string; folder?: string; content?: string }): Promise<Note> {
    const vault = this.vault;
    vault.assertOpen();
    const folder = args.folder ?? '';
    const content = args.content ?? '';
    const bytes = encodeNote(content);
    let title: string | null = null;
    if (args.title !== undefined) {
      title = sanitizeTitle(args.title);
      if (title === '') throw emptyTitle();
    }
    const label = title ?? 'the new note';
    if (bytes.length > MAX_NOTE_BYTES) throw tooLarge(label, bytes.length);
    refuseNul(content);
    // Every check that needs no disk runs before a folder is created: a refused note
    // must leave nothing behind (not even empty folders).
    const folderProblem = folder === '' ? null : notePathProblem(notePathFor(folder, 'x'));
    if (folderProblem) throw new NotebookError('invalid-arguments', `The folder "${folder}" ${folderProblem}.`);
    const titleProblem = title === null ? null : notePathProblem(notePathFor(folder, title));
    if (titleProblem) {
      throw new NotebookError(
        'invalid-arguments',
        `The title "${title}" cannot name a note: the path ${titleProblem}.`,
      );
    }
    try {
      const folderAbs = await vault.paths.forFolder(folder, { createFolders: true });
      for (let attempt = 0; attempt < 100; attempt++) {
        const names = new Set((await vault.fs.readdir(folderAbs)).map((e) => e.name.toLowerCase()));
        const taken = (t: string) => names.has(`${t}.md`.toLowerCase());
        const chosen = title ?? untitledTitle(taken);
        const path = notePathFor(folder, chosen);
        const problem = notePathProblem(path);
        if (problem)
          throw new NotebookError(
            'invalid-arguments',
            `The title "${chosen}" cannot name a note: the path ${problem}.`,
          );
        if (taken(chosen)) throw alreadyExists(chosen, folder);
        const created = await vault.queue.run(keyOf(path), async () => {
          vault.activity++;
          const target = await vault.paths.forWrite(path, { createFolders: true });
          if (target.exists) return null;
          try {
            await writeFileExclusive(target.abs, bytes, { fs: vault.fs });
          } catch (error) {
            if (errorCode(error) === 'EEXIST') return null;
            throw error;
          }
          const note = await readNoteFile(vault.fs, path, target.abs);
          const record = vault.remember(path, await vault.fs.stat(target.abs), content, note.version);
          vault.handOff(path, record, content);
          vault.emit([vault.change('added', path, false)]);
          return note;
        });
        if (created) return created;
        // Someone took the name in between: a chosen title is a clash, "Untitled" moves on.
        if (title !== null) throw alreadyExists(chosen, folder);
      }
      throw new NotebookError('already-exists', 'Could not find a free "Untitled" title in that folder.');
    } catch (error) {
      throw await vault.failure(`Could not create ${title ? `"${title}"` : 'the note'}`, error);
    }
  }

  /** See VaultStore.deleteNote. */
  async deleteNote(path: string): Promise<{ trashedTo: string }> {
    const vault = this.vault;
    vault.assertOpen();
    try {
      return await vault.queue.run(keyOf(path), async () => {
        vault.activity++;
        const folderAbs = await vault.paths.forFolder(folderOfPath(path), { createFolders: false });
        const source = await vault.paths.forWrite(path, { createFolders: false });
        if (!source.exists) throw new NotebookError('not-found', `There is no note "${path}" in the vault.`);
        // The entry itself (a link stays a link in the trash; its target is not touched).
        const from = join(folderAbs, basename(path));
        let trashedTo: string;
        if (this.options.trashItem) {
          try {
            await this.options.trashItem(from);
          } catch (error) {
            if (isIoError(error)) throw error;
            const reason = error instanceof Error ? error.message : String(error);
            throw new NotebookError('io-failure', `The system trash refused it (${reason}). The note was not deleted.`);
          }
          trashedTo = 'system trash';
        } else {
          // Created one level at a time and checked, so a .trash linked elsewhere receives nothing.
          const trash = await vault.paths.forFolder(trashFolderFor(path), { createFolders: true });
          trashedTo = await moveToVaultTrash(vault.fs, trash, path, from);
        }
        vault.forget(path);
        vault.emit([{ kind: 'removed', path, external: false }]);
        return { trashedTo };
      });
    } catch (error) {
      throw await vault.failure(`Could not move "${titleOfPath(path)}" to the trash`, error);
    }
  }

  /** See VaultStore.listDrafts. */
  async listDrafts(): Promise<Draft[]> {
    const vault = this.vault;
    vault.assertOpen();
    try {
      return await vault.drafts.list();
    } catch (error) {
      throw await vault.failure('Could not read the recovery copies', error);
    }
  }

  /** See VaultStore.discardDraft. */
  async discardDraft(path: string): Promise<void> {
    const vault = this.vault;
    vault.assertOpen();
    await vault.queue.run(keyOf(path), async () => {
      try {
        await vault.drafts.remove(path);
      } catch (error) {
        throw await vault.failure(`Could not remove the recovery copy of "${titleOfPath(path)}"`, error);
      }
    });
  }

  private async saveConflictCopy(path: string, bytes: Uint8Array, abs: string): Promise<SaveResult> {
    const vault = this.vault;
    const when = vault.now();
    const version = versionOf(bytes);
    let copyPath = '';
    for (let attempt = 1; ; attempt++) {
      if (attempt > 1000)
        throw new NotebookError('io-failure', `Could not find a free name for a conflict copy of "${path}".`);
      copyPath = conflictCopyPath(path, when, attempt);
      const target = await vault.paths.forWrite(copyPath, { createFolders: false });
      if (target.exists) continue;
      vault.expected.set(copyPath, version);
      try {
        await writeFileExclusive(target.abs, bytes, { fs: vault.fs });
      } catch (error) {
        vault.expected.delete(copyPath);
        if (errorCode(error) === 'EEXIST') continue;
        throw error;
      }
      const stats = await vault.fs.stat(target.abs);
      vault.remember(copyPath, stats, new TextDecoder().decode(bytes), version);
      vault.expected.delete(copyPath);
      break;
    }
    const copy = vault.records.get(copyPath)!;
    const changes: NoteChange[] = [vault.change('added', copyPath, false)];
    const current = await this.rememberCurrent(path, abs, changes);
    vault.emit(changes);
    await this.removeDraft(path);
    return {
      status: 'conflict',
      conflictPath: copyPath,
      conflictNote: copySummary(copy.summary),
      conflictVersion: version,
      current,
    };
  }

  /**
   * A save with `ifChanged: 'report'` found the file changed since its base: nothing is
   * written and the note on disk goes back to the caller, who merges and saves again. The
   * draft stays until then: the edits are nowhere else but in the editor.
   */
  private async reportStale(path: string, abs: string): Promise<SaveResult> {
    const changes: NoteChange[] = [];
    const current = await this.rememberCurrent(path, abs, changes);
    this.vault.emit(changes);
    return { status: 'stale', current };
  }

  /**
   * Reads the note on disk after a save found it changed, and announces the change (as
   * coming from outside) if the vault had not seen it yet, so lists do not wait for the watcher.
   */
  private async rememberCurrent(path: string, abs: string, changes: NoteChange[]): Promise<Note> {
    const vault = this.vault;
    const current = await readNoteFile(vault.fs, path, abs);
    const known = vault.records.get(path);
    if (known?.version !== current.version) {
      const stats = await vault.fs.stat(abs);
      vault.remember(path, metaOf(stats, current.size), current.readOnly ? null : current.content, current.version);
      changes.unshift(vault.change(known ? 'changed' : 'added', path, true));
    }
    return current;
  }

  private async removeDraft(path: string): Promise<void> {
    try {
      await this.vault.drafts.remove(path);
    } catch (error) {
      // A stale draft is offered back later, which is harmless; a failed save is not.
      this.vault.log(`Could not remove the recovery copy of ${path}`, error);
    }
  }
}
