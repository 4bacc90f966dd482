import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteSession } from './NoteSession';
import { MergingEditor, memoryVault } from './testing/noteSessionFixtures';

/**
 * The races a sync tool creates: the note changes on disk while the user types, while a
 * save or a read is on its way. Changes that do not overlap are merged (no conflict copy,
 * the editor changed in place); overlapping ones send the typing to one conflict copy in
 * which the editor goes on. No keystroke is ever lost or split. See
 * e2e/specs/churn.spec.ts for the same against the real app.
 */

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const NOTE = 'Status: synced 0 times.\n\nStart of the note.\n';
const status = (n: number) => `Status: synced ${n} times.`;

/** A session on Cells.md of a memory vault, with an editor that types at the end of the note. */
function open(content = NOTE) {
  const vault = memoryVault({ 'Cells.md': content });
  const editor = new MergingEditor(content);
  const session = new NoteSession(vault.api, vault.note('Cells.md'), editor);
  const type = (text: string) => {
    editor.body = editor.body.replace(/\n$/, '') + text + '\n';
    session.edited();
  };
  /** Another program rewrites the status line of the file as it is now, and the app hears of it. */
  const rewriteStatus = (n: number, path = 'Cells.md') => {
    const version = vault.write(path, vault.read(path)!.replace(/^Status: .*$/m, status(n)));
    return session.changedOnDisk(version, path);
  };
  return { vault, editor, session, type, rewriteStatus };
}

describe('NoteSession merging outside changes', () => {
  it('merges a change to another paragraph into the edits at once: both kept, no copy, edited in place', async () => {
    const { vault, editor, session, type, rewriteStatus } = open();
    type(' w000 w0');
    await rewriteStatus(1);
    expect(editor.applyBody).toHaveBeenCalledExactlyOnceWith(`${status(1)}\n\nStart of the note. w000 w0\n`);
    expect(editor.replaceBody).not.toHaveBeenCalled();
    // The merge waits for the autosave like any edit, and is saved against the new version.
    expect(session.state.save).toEqual({ kind: 'pending' });
    await vi.runAllTimersAsync();
    expect(vault.read('Cells.md')).toBe(`${status(1)}\n\nStart of the note. w000 w0\n`);
    expect(vault.copies()).toEqual([]);
    expect(session.state).toMatchObject({ path: 'Cells.md', forkedFrom: null, save: { kind: 'saved' } });
  });

  it('merges a change it only finds when saving, and saves the merge against it', async () => {
    const { vault, session, type } = open();
    type(' typed');
    // No event (it may come later, or never): the save itself finds the file changed.
    vault.write('Cells.md', NOTE.replace('Status: synced 0 times.', status(7)));
    await session.flush();
    expect(vault.read('Cells.md')).toBe(`${status(7)}\n\nStart of the note. typed\n`);
    expect(vault.api.saveNote.mock.calls.map(([args]) => args.ifChanged)).toEqual(['report', 'report']);
    expect(vault.copies()).toEqual([]);
  });

  it('shows an outside change in place when there are no edits, without saving anything', async () => {
    const { vault, editor, rewriteStatus } = open();
    await rewriteStatus(3);
    expect(editor.applyBody).toHaveBeenCalledExactlyOnceWith(`${status(3)}\n\nStart of the note.\n`);
    await vi.runAllTimersAsync();
    expect(vault.api.saveNote).not.toHaveBeenCalled();
  });

  it('merges keys typed while the changed note was being read, instead of replacing them', async () => {
    const { vault, editor, session, type } = open();
    const version = vault.write('Cells.md', NOTE.replace('Status: synced 0 times.', status(1)));
    const read = vault.api.readNote.getMockImplementation()!;
    vault.api.readNote.mockImplementationOnce(async (args) => {
      type(' typed meanwhile');
      return read(args);
    });
    await session.changedOnDisk(version);
    expect(editor.body).toBe(`${status(1)}\n\nStart of the note. typed meanwhile\n`);
    await session.flush();
    expect(vault.read('Cells.md')).toBe(`${status(1)}\n\nStart of the note. typed meanwhile\n`);
  });

  it('keeps every keystroke through a burst of outside rewrites of another paragraph, and makes no copy', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('type', 'rewrite', 'event', 'autosave', 'flush'), { minLength: 5, maxLength: 60 }),
        async (steps) => {
          const { vault, editor, session, type } = open();
          let typed = '';
          let rewrites = 0;
          let pending: string | undefined;
          for (const [index, step] of steps.entries()) {
            if (step === 'type') {
              const word = ` w${String(index).padStart(3, '0')}`;
              typed += word;
              type(word);
            } else if (step === 'rewrite') {
              // The sync tool rewrites the status line of the file as it is on disk.
              pending = vault.write('Cells.md', vault.read('Cells.md')!.replace(/^Status: .*$/m, status(++rewrites)));
            } else if (step === 'event' && pending) {
              await session.changedOnDisk(pending);
              pending = undefined;
            } else if (step === 'autosave') {
              await vi.advanceTimersByTimeAsync(700);
            } else if (step === 'flush') {
              await session.flush();
            }
          }
          if (pending) await session.changedOnDisk(pending);
          await session.flush();
          const expected = `${status(rewrites)}\n\nStart of the note.${typed}\n`;
          expect(vault.read('Cells.md')).toBe(expected);
          expect(editor.body).toBe(expected);
          expect(vault.copies()).toEqual([]);
          expect(editor.replaceBody).not.toHaveBeenCalled();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('NoteSession when an outside change overlaps the edits', () => {
  it('makes one conflict copy with the typing, goes on editing in it, and leaves the original to the other program', async () => {
    const { vault, editor, session, type } = open('Start of the note.\n');
    type(' w000 w0');
    const rewrite = (n: number) => vault.write('Cells.md', `Rewritten by the sync tool (${n}).\n`);
    await session.changedOnDisk(rewrite(1));

    const [copy] = vault.copies();
    expect(copy).toBeDefined();
    expect(session.state).toMatchObject({ path: copy, forkedFrom: 'Cells.md', lastSaved: { path: copy } });
    expect(vault.read(copy!)).toBe('Start of the note. w000 w0\n');
    // The editor keeps the user's text as it is: nothing was replaced under their fingers.
    expect(editor.body).toBe('Start of the note. w000 w0\n');
    expect(editor.applyBody).not.toHaveBeenCalled();
    expect(editor.replaceBody).not.toHaveBeenCalled();

    // The sync tool goes on rewriting the original while the user goes on typing.
    type('01');
    for (let n = 2; n <= 6; n++) {
      type(` w00${n}`);
      await session.changedOnDisk(rewrite(n), 'Cells.md');
      await vi.advanceTimersByTimeAsync(700);
    }
    await session.flush();
    expect(vault.copies()).toEqual([copy]);
    expect(vault.read(copy!)).toBe('Start of the note. w000 w001 w002 w003 w004 w005 w006\n');
    expect(vault.read(copy!)).toBe(editor.body);
    expect(vault.read('Cells.md')).toBe('Rewritten by the sync tool (6).\n');
  });

  it('puts keys typed while the copy was being written into that same copy', async () => {
    const { vault, editor, session, type } = open('Start.\n');
    type(' mine');
    vault.onSave = ({ path, content }) => {
      // Still typing while the copy is written.
      if (path === 'Cells.md' && content.includes('mine') && !content.includes('more')) type(', and more');
    };
    // The other program rewrote the very sentence the user is adding to.
    await session.changedOnDisk(vault.write('Cells.md', 'Theirs!\n'));
    vault.onSave = undefined;
    await session.flush();
    expect(vault.copies()).toHaveLength(1);
    expect(vault.read(vault.copies()[0]!)).toBe('Start. mine, and more\n');
    expect(editor.body).toBe('Start. mine, and more\n');
    expect(session.hasUnsavedEdits).toBe(false);
  });

  it('keeps the typing in a copy when the file can no longer be merged (it stopped being text)', async () => {
    const { vault, session, type } = open('Start.\n');
    type(' mine');
    const version = vault.write('Cells.md', 'whatever');
    const read = vault.api.readNote.getMockImplementation()!;
    vault.api.readNote.mockImplementationOnce(async (args) => ({
      ...(await read(args)),
      content: '',
      readOnly: { reason: 'not UTF-8' },
    }));
    await session.changedOnDisk(version);
    expect(vault.copies()).toHaveLength(1);
    expect(vault.read(vault.copies()[0]!)).toBe('Start. mine\n');
  });
});
