import { act, cleanup, render, screen } from '@testing-library/react';
import { $createTextNode, $getRoot, getNearestEditorFromDOMNode, type LexicalEditor, type ElementNode } from 'lexical';
import { createRef, StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_HIGHLIGHT } from '../../ui/highlight/showTermHighlights';
import {
  clearTermHighlight,
  currentTermHighlight,
  requestTermHighlight,
} from '../../ui/highlight/termHighlightRequest';
import { installFakeHighlights } from '../../ui/highlight/testing/fakeHighlights';
import { Editor, type EditorHandle } from '../Editor';

let fake: ReturnType<typeof installFakeHighlights>;
beforeEach(() => {
  fake = installFakeHighlights();
});
afterEach(() => {
  cleanup();
  act(() => clearTermHighlight());
  fake.uninstall();
});

const NOTE = '# Membranes\n\nThe cell **membrane** is a lipid bilayer.\n\nEvery membrane protein matters.\n';
const painted = () => fake.registry.get(MATCH_HIGHLIGHT)?.ranges.map((range) => range.toString());

async function renderEditor(): Promise<{ editor: LexicalEditor; handle: EditorHandle }> {
  const ref = createRef<EditorHandle>();
  render(
    <StrictMode>
      <Editor ref={ref} initialMarkdown={NOTE} ariaLabel="Note: Test" />
    </StrictMode>,
  );
  await act(async () => {});
  const editor = getNearestEditorFromDOMNode(screen.getByRole('textbox', { name: 'Note: Test' }))!;
  return { editor, handle: ref.current! };
}

describe('HighlightTermsPlugin', () => {
  it('paints the matches of a note opened from a search result, without touching the document', async () => {
    requestTermHighlight({ kind: 'note', path: 'Cells.md' }, ['membrane', 'membranes']);
    const { handle } = await renderEditor();
    expect(painted()).toEqual(['Membranes', 'membrane', 'membrane']);
    expect(handle.getMarkdown()).toBe(NOTE);
  });

  it('shows nothing for a request aimed at a glossary entry', async () => {
    requestTermHighlight({ kind: 'entry', id: 'membrane' }, ['membrane']);
    await renderEditor();
    expect(painted()).toBeUndefined();
  });

  it('clears them on the next edit', async () => {
    requestTermHighlight({ kind: 'note', path: 'Cells.md' }, ['membrane']);
    const { editor } = await renderEditor();
    expect(painted()).toHaveLength(2);
    await act(async () =>
      editor.update(() => ($getRoot().getLastChild() as ElementNode).append($createTextNode(' More.')), {
        discrete: true,
      }),
    );
    expect(currentTermHighlight()).toBeNull();
    expect(painted()).toBeUndefined();
  });

  it('clears them when the note is replaced from disk', async () => {
    requestTermHighlight({ kind: 'note', path: 'Cells.md' }, ['membrane']);
    const { handle } = await renderEditor();
    await act(async () => handle.setMarkdown('Changed elsewhere: membrane.'));
    expect(currentTermHighlight()).toBeNull();
  });
});
