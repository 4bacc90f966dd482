import { vi } from 'vitest';
import { NotebookError } from '@shared/api/errors';
import { fakeNotebookApi } from '@shared/api/testing/fakeNotebookApi';
import type { Note, SaveResult } from '@shared/domain/note';
import type { NoteSessionEditor } from '../NoteSession';

/** A note as the backend returns it, for NoteSession tests. */
export function note(content: string, version = 'v1', path = 'Cells.md'): Note {
  return {
    path,
    title: 'Cells',
    folder: '',
    modified: '2026-01-01T00:00:00.000Z',
    size: content.length,
    aliases: [],
    tags: [],
    content,
    version,
    readOnly: null,
  };
}

/** A successful save result carrying `version`. */
export function saved(version: string, path = 'Cells.md'): SaveResult {
  const { content: _c, version: _v, readOnly: _r, ...summary } = note('', version, path);
  return { status: 'saved', note: summary, version };
}

/** An editor holding `body`, recording replacements. */
export class FakeEditor implements NoteSessionEditor {
  constructor(public body: string) {}
  readBody = () => this.body;
  replaceBody = vi.fn((body: string) => {
    this.body = body;
  });
}

/** An editor that merges outside changes in place (as the real one does with applyMarkdown). */
export class MergingEditor extends FakeEditor {
  applyBody = vi.fn((body: string) => {
    this.body = body;
  });
}

/**
 * A vault in memory behind a NotebookApi, with the backend's save rules: a save against an
 * old version is refused (`ifChanged: 'report'`) or kept as a conflict copy. `write` is
 * another program changing a file; `onSave` runs while a save is on its way (typing meanwhile).
 */
export function memoryVault(initial: Record<string, string>) {
  const files = new Map<string, { content: string; version: string }>();
  let versions = 0;
  let copies = 0;
  const put = (path: string, content: string) => {
    const version = `v${++versions}`;
    files.set(path, { content, version });
    return version;
  };
  for (const [path, content] of Object.entries(initial)) put(path, content);
  const noteAt = (path: string): Note => {
    const file = files.get(path);
    if (!file) throw new NotebookError('not-found', `No note at ${path}.`);
    return note(file.content, file.version, path);
  };
  const vault = {
    files,
    onSave: undefined as ((args: { path: string; content: string }) => void) | undefined,
    /** Another program writes the file; returns its new version. */
    write: (path: string, content: string) => put(path, content),
    read: (path: string) => files.get(path)?.content,
    note: noteAt,
    /** Paths of the conflict copies made. */
    copies: () => [...files.keys()].filter((path) => path.includes('(conflict')),
    api: fakeNotebookApi({
      readNote: async ({ path }) => noteAt(path),
      saveNote: async ({ path, content, baseVersion, ifChanged = 'copy' }) => {
        vault.onSave?.({ path, content });
        const file = files.get(path);
        if (file && file.content === content) return saved(file.version, path);
        if (file && file.version !== baseVersion) {
          if (ifChanged === 'report') return { status: 'stale', current: noteAt(path) };
          const conflictPath = path.replace(/\.md$/, ` (conflict ${++copies}).md`);
          const conflictVersion = put(conflictPath, content);
          const {
            content: _c,
            version: _v,
            readOnly: _r,
            ...conflictNote
          } = note(content, conflictVersion, conflictPath);
          return { status: 'conflict', conflictPath, conflictNote, conflictVersion, current: noteAt(path) };
        }
        return saved(put(path, content), path);
      },
    }),
  };
  return vault;
}
