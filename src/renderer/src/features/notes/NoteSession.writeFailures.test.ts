import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotebookError } from '@shared/api/errors';
import { fakeNotebookApi } from '@shared/api/testing/fakeNotebookApi';
import { NoteSession } from './NoteSession';
import { FakeEditor, note, saved } from './testing/noteSessionFixtures';

/**
 * A save the disk refuses, as the editor lives it: the message the backend gives (see
 * src/main/notebook/writeFailures.test.ts for those messages) is shown, the text stays in
 * the editor whatever else happens meanwhile, and a retry saves it.
 */

const FULL = new NotebookError(
  'io-failure',
  'Could not save "Cells": the disk is full. Your text is kept in a recovery copy outside the vault; try again once the problem is solved.',
);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('NoteSession when the disk refuses the save', () => {
  it('shows why, keeps the text in the editor through outside changes and removal, and a retry saves it', async () => {
    let diskFull = true;
    const api = fakeNotebookApi({
      saveNote: async () => {
        if (diskFull) throw FULL;
        return saved('v2');
      },
      readNote: async () => note('changed elsewhere', 'v9'),
    });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a', 'v1'), editor);
    editor.body = 'my words';
    session.edited();
    await session.flush();
    expect(session.state.save).toEqual({ kind: 'failed', message: FULL.message });
    expect(session.hasUnsavedEdits).toBe(true);

    // Typing on: autosave tries again, still refused, still shown.
    editor.body = 'my words, more';
    session.edited();
    await vi.advanceTimersByTimeAsync(1000);
    expect(api.saveNote).toHaveBeenLastCalledWith({
      path: 'Cells.md',
      content: 'my words, more',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
    expect(session.state.save.kind).toBe('failed');

    // Another program changes or removes the file meanwhile: the editor keeps the text.
    await session.changedOnDisk('v9');
    await session.recheck();
    await session.removedFromDisk();
    expect(editor.replaceBody).not.toHaveBeenCalled();
    expect(editor.body).toBe('my words, more');
    expect(session.state.removedExternally).toBe(false);

    diskFull = false;
    await session.retry();
    expect(api.saveNote).toHaveBeenLastCalledWith({
      path: 'Cells.md',
      content: 'my words, more',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
    expect(session.state.save).toEqual({ kind: 'saved' });
    expect(session.hasUnsavedEdits).toBe(false);
  });

  it('closed while refused, it still holds the edits and the version they were based on', async () => {
    const api = fakeNotebookApi({
      saveNote: async () => {
        throw FULL;
      },
    });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a', 'v1'), editor);
    editor.body = 'my words';
    session.edited();
    await session.dispose();
    expect(session.hasUnsavedEdits).toBe(true);
    expect(session.unsavedEdits()).toEqual({ content: 'my words', baseVersion: 'v1', baseContent: 'a' });
  });
});
