import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotebookError } from '@shared/api/errors';
import { fakeNotebookApi } from '@shared/api/testing/fakeNotebookApi';
import { NoteSession } from './NoteSession';
import { FakeEditor, memoryVault, note, saved } from './testing/noteSessionFixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('NoteSession', () => {
  it('never saves a note that was not edited', async () => {
    const api = fakeNotebookApi();
    const session = new NoteSession(api, note('# Cells\n'), new FakeEditor('# Cells\n'));
    await session.flush();
    await session.dispose();
    expect(api.saveNote).not.toHaveBeenCalled();
  });

  it('does not write when an edit leaves the text as it was on disk', async () => {
    const api = fakeNotebookApi();
    const session = new NoteSession(api, note('same'), new FakeEditor('same'));
    session.edited();
    await vi.runAllTimersAsync();
    expect(api.saveNote).not.toHaveBeenCalled();
    expect(session.state.save).toEqual({ kind: 'saved' });
  });

  it('autosaves once typing pauses, keeping the front matter exactly', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('old');
    const session = new NoteSession(api, note('---\ntags: [a]\nfoo:  bar\n---\nold'), editor, { autosaveDelayMs: 500 });
    editor.body = 'new';
    session.edited();
    expect(session.state.save).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(400);
    editor.body = 'newer';
    session.edited();
    await vi.advanceTimersByTimeAsync(400);
    expect(api.saveNote).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(api.saveNote).toHaveBeenCalledExactlyOnceWith({
      path: 'Cells.md',
      content: '---\ntags: [a]\nfoo:  bar\n---\nnewer',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
    expect(session.state.save).toEqual({ kind: 'saved' });
  });

  it('saves the end of an edit that arrived in slices (a large paste) at once, not after the typing pause', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('old');
    const session = new NoteSession(api, note('old'), editor, { autosaveDelayMs: 500 });
    editor.body = 'first slice';
    session.edited({ complete: false });
    await vi.advanceTimersByTimeAsync(100);
    expect(api.saveNote).not.toHaveBeenCalled();
    editor.body = 'first slice, last slice';
    session.edited({ complete: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(api.saveNote).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ content: 'first slice, last slice', baseVersion: 'v1' }),
    );
  });

  it('chains versions across saves and never runs two saves at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let n = 1;
    const api = fakeNotebookApi({
      saveNote: async () => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 50));
        inFlight--;
        return saved(`v${++n}`);
      },
    });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor);
    editor.body = 'b';
    session.edited();
    const first = session.flush();
    editor.body = 'c';
    session.edited();
    const second = session.flush();
    await vi.runAllTimersAsync();
    await Promise.all([first, second]);
    expect(maxInFlight).toBe(1);
    expect(api.saveNote.mock.calls.map(([args]) => [args.content, args.baseVersion])).toEqual([
      ['b', 'v1'],
      ['c', 'v2'],
    ]);
  });

  it('autosaves once while typing goes on: keys typed during the save wait for the next pause', async () => {
    let n = 1;
    const api = fakeNotebookApi({
      saveNote: async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return saved(`v${++n}`);
      },
    });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor, { autosaveDelayMs: 500 });
    editor.body = 'b';
    session.edited();
    await vi.advanceTimersByTimeAsync(550);
    expect(api.saveNote).toHaveBeenCalledOnce();
    // Typing goes on while that save runs.
    editor.body = 'bc';
    session.edited();
    await vi.advanceTimersByTimeAsync(100);
    expect(api.saveNote).toHaveBeenCalledOnce();
    expect(session.state.save).toEqual({ kind: 'pending' });
    await vi.advanceTimersByTimeAsync(500);
    expect(api.saveNote).toHaveBeenCalledTimes(2);
    expect(api.saveNote).toHaveBeenLastCalledWith({
      path: 'Cells.md',
      content: 'bc',
      baseVersion: 'v2',
      ifChanged: 'report',
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(session.state.save).toEqual({ kind: 'saved' });
  });

  it('a flush saves until every edit is on disk, also those made while it saves', async () => {
    let n = 1;
    const api = fakeNotebookApi({
      saveNote: async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return saved(`v${++n}`);
      },
    });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor);
    editor.body = 'b';
    session.edited();
    const flushed = session.flush();
    await vi.advanceTimersByTimeAsync(50);
    editor.body = 'bc';
    session.edited();
    await vi.advanceTimersByTimeAsync(300);
    await flushed;
    expect(api.saveNote.mock.calls.map(([args]) => args.content)).toEqual(['b', 'bc']);
    expect(session.state.save).toEqual({ kind: 'saved' });
  });

  it('counts an edit the editor is still applying (a large paste arriving) as unsaved, and flushes it', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('a');
    let pending = true;
    const applying = Object.assign(editor, {
      hasPendingEdits: () => pending,
      readBody: () => {
        pending = false;
        return 'a and the rest of the paste';
      },
    });
    const session = new NoteSession(api, note('a'), applying);
    expect(session.hasUnsavedEdits).toBe(true);
    await session.dispose();
    expect(api.saveNote).toHaveBeenCalledExactlyOnceWith({
      path: 'Cells.md',
      content: 'a and the rest of the paste',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
  });

  it('reports a failed save, keeps the edits, and succeeds on retry', async () => {
    let fail = true;
    const api = fakeNotebookApi({
      saveNote: async () => {
        if (fail) throw new NotebookError('io-failure', 'The disk is full.');
        return saved('v2');
      },
    });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor);
    editor.body = 'b';
    session.edited();
    await session.flush();
    expect(session.state.save).toEqual({ kind: 'failed', message: 'The disk is full.' });
    expect(session.hasUnsavedEdits).toBe(true);
    expect(editor.body).toBe('b');
    fail = false;
    await session.retry();
    expect(session.state.save).toEqual({ kind: 'saved' });
    expect(api.saveNote).toHaveBeenLastCalledWith({
      path: 'Cells.md',
      content: 'b',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
  });

  it('reloads a note changed on disk when there are no local edits', async () => {
    const api = fakeNotebookApi({ readNote: async () => note('from elsewhere', 'v9') });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor);
    await session.changedOnDisk('v9');
    expect(editor.replaceBody).toHaveBeenCalledWith('from elsewhere');
    expect(api.saveNote).not.toHaveBeenCalled();
  });

  it('ignores change notices for the version it already has', async () => {
    const api = fakeNotebookApi();
    const session = new NoteSession(api, note('a', 'v1'), new FakeEditor('a'));
    await session.changedOnDisk('v1');
    expect(api.readNote).not.toHaveBeenCalled();
  });

  it('with local edits, merges a change on disk that does not overlap them, and saves the merge', async () => {
    const vault = memoryVault({ 'Cells.md': 'One.\n\nTwo.\n' });
    const editor = new FakeEditor('One.\n\nTwo.\n');
    const session = new NoteSession(vault.api, vault.note('Cells.md'), editor);
    editor.body = 'One.\n\nTwo, mine.\n';
    session.edited();
    await session.changedOnDisk(vault.write('Cells.md', 'One, theirs.\n\nTwo.\n'));
    expect(editor.body).toBe('One, theirs.\n\nTwo, mine.\n');
    await session.flush();
    expect(vault.read('Cells.md')).toBe('One, theirs.\n\nTwo, mine.\n');
    expect(vault.copies()).toEqual([]);
    expect(session.state.forkedFrom).toBeNull();
  });

  it('saves a property edit like a body edit, and merges it with a change on disk to the body', async () => {
    const vault = memoryVault({ 'Cells.md': '---\ntags: [a]\nstatus: draft\n---\nOne.\n\nTwo.\n' });
    const editor = new FakeEditor('One.\n\nTwo.\n');
    const session = new NoteSession(vault.api, vault.note('Cells.md'), editor);
    session.editFrontMatter('---\ntags: [a]\nstatus: final\n---\n');
    expect(session.state.save).toEqual({ kind: 'pending' });
    await session.changedOnDisk(vault.write('Cells.md', '---\ntags: [a]\nstatus: draft\n---\nOne.\n\nTwo, theirs.\n'));
    expect(editor.body).toBe('One.\n\nTwo, theirs.\n');
    expect(session.state.frontMatter).toBe('---\ntags: [a]\nstatus: final\n---\n');
    await session.flush();
    expect(vault.read('Cells.md')).toBe('---\ntags: [a]\nstatus: final\n---\nOne.\n\nTwo, theirs.\n');
    // A change on disk to the properties shows in the panel.
    await session.changedOnDisk(
      vault.write('Cells.md', '---\ntags: [a, b]\nstatus: final\n---\nOne.\n\nTwo, theirs.\n'),
    );
    expect(session.state.frontMatter).toBe('---\ntags: [a, b]\nstatus: final\n---\n');
    expect(vault.copies()).toEqual([]);
  });

  it('keeps an empty front matter block when removing the last property would make the body read as one', async () => {
    const vault = memoryVault({ 'Cells.md': '---\na: 1\n---\n---\nb: 2\n---\n' });
    const editor = new FakeEditor('---\nb: 2\n---\n');
    const session = new NoteSession(vault.api, vault.note('Cells.md'), editor);
    session.editFrontMatter('');
    await session.flush();
    expect(vault.read('Cells.md')).toBe('---\n---\n---\nb: 2\n---\n');
  });

  it('with local edits, an overlapping change on disk sends them to a conflict copy, where editing goes on', async () => {
    const vault = memoryVault({ 'Cells.md': 'The cell is small.\n' });
    const editor = new FakeEditor('The cell is small.\n');
    const session = new NoteSession(vault.api, vault.note('Cells.md'), editor);
    editor.body = 'The cell is tiny.\n';
    session.edited();
    await session.changedOnDisk(vault.write('Cells.md', 'The cell is large.\n'));
    const copy = 'Cells (conflict 1).md';
    expect(vault.copies()).toEqual([copy]);
    expect(vault.read(copy)).toBe('The cell is tiny.\n');
    expect(vault.read('Cells.md')).toBe('The cell is large.\n');
    expect(editor.body).toBe('The cell is tiny.\n');
    expect(session.state).toMatchObject({ path: copy, forkedFrom: 'Cells.md', save: { kind: 'saved' } });
    expect(session.hasUnsavedEdits).toBe(false);

    editor.body = 'The cell is tiny, really.\n';
    session.edited();
    await session.flush();
    expect(vault.read(copy)).toBe('The cell is tiny, really.\n');
    session.dismissConflict();
    expect(session.state.forkedFrom).toBeNull();
  });

  it('saves to the new path after a rename', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor);
    const { content: _c, version: _v, readOnly: _r, ...summary } = note('a', 'v1', 'Cell Biology.md');
    session.renamed(summary);
    editor.body = 'b';
    session.edited();
    await session.flush();
    expect(api.saveNote).toHaveBeenCalledWith({
      path: 'Cell Biology.md',
      content: 'b',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
  });

  it('flushes pending edits on dispose', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a'), editor);
    editor.body = 'b';
    session.edited();
    await session.dispose();
    expect(api.saveNote).toHaveBeenCalledOnce();
  });

  it('closes quietly when the file disappears without edits, and re-saves when there are edits', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const clean = new NoteSession(api, note('a'), new FakeEditor('a'));
    await clean.removedFromDisk();
    expect(clean.state.removedExternally).toBe(true);

    const editor = new FakeEditor('a');
    const dirty = new NoteSession(api, note('a'), editor);
    editor.body = 'b';
    dirty.edited();
    await dirty.removedFromDisk();
    expect(api.saveNote).toHaveBeenCalledWith({
      path: 'Cells.md',
      content: 'b',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
  });

  it('lets the editor prepare the text of an autosave in slices, and reads it after that', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('old');
    let finishPreparing = () => {};
    const prepareBody = vi.fn((_stop: () => boolean) => new Promise<void>((resolve) => (finishPreparing = resolve)));
    const session = new NoteSession(api, note('old'), Object.assign(editor, { prepareBody }));
    editor.body = 'new';
    session.edited();
    await vi.advanceTimersByTimeAsync(600);
    expect(prepareBody).toHaveBeenCalledOnce();
    expect(prepareBody.mock.calls[0]![0]()).toBe(false);
    // Keys typed while the text is prepared are part of this save.
    editor.body = 'newer';
    session.edited();
    expect(api.saveNote).not.toHaveBeenCalled();
    finishPreparing();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.saveNote).toHaveBeenCalledExactlyOnceWith({
      path: 'Cells.md',
      content: 'newer',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
    await vi.runAllTimersAsync();
    expect(api.saveNote).toHaveBeenCalledOnce();
    expect(session.state.save).toEqual({ kind: 'saved' });
  });

  it('does not let a flush wait for the text to be prepared', async () => {
    const api = fakeNotebookApi({ saveNote: async () => saved('v2') });
    const editor = new FakeEditor('old');
    let stopAsked: (() => boolean) | undefined;
    // Prepares until told to stop, one timer tick per slice.
    const prepareBody = vi.fn(async (stop: () => boolean) => {
      stopAsked = stop;
      while (!stop()) await new Promise((resolve) => setTimeout(resolve, 5));
    });
    const session = new NoteSession(api, note('old'), Object.assign(editor, { prepareBody }));
    editor.body = 'new';
    session.edited();
    await vi.advanceTimersByTimeAsync(620);
    expect(stopAsked?.()).toBe(false);
    expect(api.saveNote).not.toHaveBeenCalled();
    // The note is switched: the flush stops the preparation and saves right away.
    const flushed = session.flush();
    expect(stopAsked?.()).toBe(true);
    await vi.advanceTimersByTimeAsync(5);
    await flushed;
    expect(api.saveNote).toHaveBeenCalledExactlyOnceWith({
      path: 'Cells.md',
      content: 'new',
      baseVersion: 'v1',
      ifChanged: 'report',
    });
    // A flush never prepares.
    editor.body = 'newer';
    session.edited();
    await session.flush();
    expect(prepareBody).toHaveBeenCalledOnce();
    expect(api.saveNote).toHaveBeenCalledTimes(2);
  });
});

describe('NoteSession.recheck', () => {
  it('reloads when the disk has another version, and does nothing when it has the same', async () => {
    let disk = note('a', 'v1');
    const api = fakeNotebookApi({ readNote: async () => disk });
    const editor = new FakeEditor('a');
    const session = new NoteSession(api, note('a', 'v1'), editor);
    await session.recheck();
    expect(editor.replaceBody).not.toHaveBeenCalled();
    disk = note('b', 'v2');
    await session.recheck();
    expect(editor.body).toBe('b');
  });
});
