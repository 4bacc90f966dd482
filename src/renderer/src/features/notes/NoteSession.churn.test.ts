import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeNotebookApi } from '@shared/api/testing/fakeNotebookApi';
import { NoteSession } from './NoteSession';
import { FakeEditor, note, saved } from './testing/noteSessionFixtures';

/**
 * The races a sync tool creates: the note changes on disk while a save or a read is on
 * its way and the user goes on typing. No keystroke may be lost to the editor showing the
 * disk text (see e2e/specs/churn.spec.ts for the same under a real sync-like loop).
 */

const COPY = 'Cells (conflict 2026-01-01 000000).md';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('NoteSession under outside changes while the user types', () => {
  it('puts keys typed while a conflicting save was on its way into the conflict copy, before showing the disk text', async () => {
    const editor = new FakeEditor('a');
    const files = new Map<string, { content: string; version: string }>();
    let session: NoteSession | null = null;
    const type = (body: string) => {
      editor.body = body;
      session?.edited();
    };
    let writes = 0;
    const api = fakeNotebookApi({
      saveNote: async ({ path, content, baseVersion }) => {
        if (path === 'Cells.md') {
          type('mine, and more');
          files.set(COPY, { content, version: 'c0' });
          return { status: 'conflict', conflictPath: COPY, current: note('theirs', 'v9') };
        }
        expect(baseVersion).toBe(files.get(path)?.version);
        // Still typing while the copy is written.
        if (content === 'mine, and more') type('mine, and more, and more');
        files.set(path, { content, version: `c${++writes}` });
        return saved(`c${writes}`, path);
      },
      readNote: async ({ path }) => note(files.get(path)!.content, files.get(path)!.version, path),
    });
    session = new NoteSession(api, note('a', 'v1'), editor);
    type('mine');
    await session.changedOnDisk('v9');

    expect(files.get(COPY)?.content).toBe('mine, and more, and more');
    expect(editor.body).toBe('theirs');
    expect(session.state.conflictCopy).toBe(COPY);
    // One copy, completed in place, not a copy per keystroke.
    expect(api.saveNote.mock.calls.filter(([args]) => args.path === 'Cells.md')).toHaveLength(1);
    expect(session.hasUnsavedEdits).toBe(false);
  });

  it('keeps the text in a new copy when the conflict copy itself changed meanwhile', async () => {
    const editor = new FakeEditor('a');
    let session: NoteSession | null = null;
    const api = fakeNotebookApi({
      saveNote: async ({ path, content, baseVersion }) => {
        if (path === 'Cells.md') {
          editor.body = 'mine, and more';
          session?.edited();
          return { status: 'conflict', conflictPath: COPY, current: note('theirs', 'v9') };
        }
        expect({ path, content, baseVersion }).toEqual({ path: COPY, content: 'mine, and more', baseVersion: null });
        return {
          status: 'conflict',
          conflictPath: 'Cells (conflict 2026-01-01 000000 2).md',
          current: note('x', 'c7'),
        };
      },
      readNote: async ({ path }) => note('changed by someone', 'c5', path),
    });
    session = new NoteSession(api, note('a', 'v1'), editor);
    editor.body = 'mine';
    session.edited();
    await session.changedOnDisk('v9');
    expect(session.state.conflictCopy).toBe('Cells (conflict 2026-01-01 000000 2).md');
    expect(editor.body).toBe('theirs');
  });

  it('saves keys typed while the changed note was being read, instead of replacing them', async () => {
    const editor = new FakeEditor('a');
    let session: NoteSession | null = null;
    const api = fakeNotebookApi({
      readNote: async () => {
        editor.body = 'typed meanwhile';
        session?.edited();
        return note('theirs', 'v9');
      },
      saveNote: async () => ({ status: 'conflict', conflictPath: COPY, current: note('theirs', 'v9') }),
    });
    session = new NoteSession(api, note('a', 'v1'), editor);
    await session.changedOnDisk('v9');
    expect(api.saveNote).toHaveBeenCalledWith({ path: 'Cells.md', content: 'typed meanwhile', baseVersion: 'v1' });
    expect(editor.body).toBe('theirs');
    expect(session.state.conflictCopy).toBe(COPY);
  });
});
