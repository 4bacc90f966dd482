import { createEmptyHistoryState } from '@lexical/history';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { act, cleanup, render, screen } from '@testing-library/react';
import {
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  getNearestEditorFromDOMNode,
  type LexicalEditor,
  UNDO_COMMAND,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { BoundedHistoryPlugin, HISTORY_LIMIT } from './BoundedHistoryPlugin';

afterEach(cleanup);

async function mount(limit?: number) {
  const historyState = createEmptyHistoryState();
  render(
    <LexicalComposer
      initialConfig={{
        namespace: 'history-test',
        onError: (error) => {
          throw error;
        },
      }}
    >
      <RichTextPlugin contentEditable={<ContentEditable aria-label="text" />} ErrorBoundary={LexicalErrorBoundary} />
      <BoundedHistoryPlugin historyState={historyState} limit={limit} />
    </LexicalComposer>,
  );
  await act(async () => {});
  const editor = getNearestEditorFromDOMNode(screen.getByRole('textbox')) as LexicalEditor;
  return { editor, historyState };
}

function addParagraphs(editor: LexicalEditor, count: number): void {
  for (let i = 1; i <= count; i++) {
    editor.update(() => $getRoot().append($createParagraphNode().append($createTextNode(`line ${i}`))), {
      discrete: true,
    });
  }
}

describe('BoundedHistoryPlugin', () => {
  it('caps the undo stack, dropping the oldest steps', async () => {
    const { editor, historyState } = await mount(5);
    addParagraphs(editor, 4);
    expect(historyState.undoStack.length).toBeLessThan(5);
    addParagraphs(editor, 20);
    expect(historyState.undoStack).toHaveLength(5);
    for (let i = 0; i < 10; i++) editor.dispatchCommand(UNDO_COMMAND, undefined);
    // Only the last five steps could be undone: the document still has 24 - 5 lines (give or
    // take the first edit, which has no earlier state to return to).
    const lines = editor.read(() => $getRoot().getTextContent()).match(/line \d+/g) ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(24 - 5 - 1);
    expect(lines.length).toBeLessThanOrEqual(24 - 5);
    expect(historyState.undoStack).toHaveLength(0);
    expect(historyState.redoStack).toHaveLength(5);
  });

  it(`defaults to ${HISTORY_LIMIT} steps`, async () => {
    const { editor, historyState } = await mount();
    addParagraphs(editor, HISTORY_LIMIT + 25);
    expect(historyState.undoStack).toHaveLength(HISTORY_LIMIT);
  });
});
