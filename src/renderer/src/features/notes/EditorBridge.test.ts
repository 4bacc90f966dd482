import { describe, expect, it, vi } from 'vitest';
import type { EditorHandle } from '../../editor/Editor';
import { EditorBridge } from './EditorBridge';

function handle(markdown: string): EditorHandle {
  return { focus: vi.fn(), getMarkdown: () => markdown, setMarkdown: vi.fn() };
}

describe('EditorBridge', () => {
  it('reads the text the note was opened with until an editor attaches', () => {
    expect(new EditorBridge('opened').readBody()).toBe('opened');
  });

  it('still reads the edits after the editor detached (the note view closing flushes after that)', () => {
    const bridge = new EditorBridge('opened');
    const editor = handle('opened, then edited');
    bridge.attach(editor);
    bridge.attach(null);
    expect(bridge.readBody()).toBe('opened, then edited');
    // Nothing is written into an editor that is gone.
    bridge.replaceBody('from disk');
    expect(editor.setMarkdown).not.toHaveBeenCalled();
  });

  it('merges an outside change into the detached editor too, since the final flush saves what that one holds', () => {
    const bridge = new EditorBridge('opened');
    const editor = { ...handle('opened, then edited'), applyMarkdown: vi.fn() };
    bridge.attach(editor);
    bridge.attach(null);
    bridge.applyBody('merged');
    expect(editor.applyMarkdown).toHaveBeenCalledWith('merged');
  });
});
