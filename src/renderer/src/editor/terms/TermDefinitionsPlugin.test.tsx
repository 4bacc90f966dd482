/**
 * Definitions where glossary terms appear, in the editor against a fake backend that runs
 * the real matcher: what is underlined (first per section; links, code and headings
 * skipped), what is scanned again after typing (the changed block only), and the card.
 */
import type { TermCard, TermHit } from '@shared/domain/terms';
import { buildTermMatcher, findTerms } from '@shared/terms/termMatcher';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { $getRoot, $getSelection, $isRangeSelection, getNearestEditorFromDOMNode, type LexicalEditor } from 'lexical';
import { createRef } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { appCommands } from '../../ui/commands/CommandRegistry';
import { installFakeHighlights } from '../../ui/highlight/testing/fakeHighlights';
import { PAYLOADS } from '../../../../../e2e/fixtures/injectionPayloads';
import { Editor, type EditorHandle } from '../Editor';
import { $blockTextOf, firstPerSection } from './termBlocks';
import type { TermDefinitionsHost } from './termDefinitionsHost';
import { TERM_HIGHLIGHT } from './TermDefinitionsPlugin';

beforeAll(() => {
  Range.prototype.getBoundingClientRect ??= () => new DOMRect();
  Range.prototype.getClientRects ??= () => [] as unknown as DOMRectList;
});

let fake: ReturnType<typeof installFakeHighlights>;
beforeEach(() => {
  fake = installFakeHighlights();
});
afterEach(() => {
  cleanup();
  fake.uninstall();
});

// Every payload of the injection corpus in one definition: the card must show it as text.
const PAYLOAD = PAYLOADS.map((payload) => payload.markdown).join(' ');
const ENTRIES = [
  { id: 'synapse', names: ['Synapse'], card: { title: 'Synapse', text: 'The junction between two neurons.' } },
  { id: 'neuron', names: ['Neuron'], card: { title: 'Neuron', text: `A nerve cell. ${PAYLOAD}` } },
  { id: 'dendrite', names: ['Dendrite'], card: { title: 'Dendrite', text: 'A branch of a neuron.' } },
];
const matcher = buildTermMatcher(ENTRIES);

function fakeHost() {
  const calls: string[][] = [];
  const host: TermDefinitionsHost = {
    findTermsInBlocks: vi.fn(async (blocks: string[]) => {
      calls.push(blocks);
      return blocks.map((text): TermHit[] =>
        findTerms(matcher, text, { firstOnly: true }).map(({ start, end, ids }) => ({
          start,
          end,
          entryIds: [...ids],
        })),
      );
    }),
    describeTerms: vi.fn(async (ids: string[]) =>
      ids.map((id): TermCard => {
        const entry = ENTRIES.find((candidate) => candidate.id === id)!;
        return { id, ...entry.card, packName: 'Neuroscience', target: entry.card.title };
      }),
    ),
    openBeside: vi.fn(),
    open: vi.fn(),
  };
  return { host, calls };
}

const NOTE = [
  '# Neurons',
  '',
  'A synapse joins neurons; another synapse, `synapse` as code and [[Synapse]] as a link.',
  '',
  'A second synapse in the same section.',
  '',
  '## Next',
  '',
  'Synapse again, in a new section.',
  '',
  '```',
  'dendrite in code',
  '```',
  '',
].join('\n');

const painted = () => fake.registry.get(TERM_HIGHLIGHT)?.ranges.map((range) => range.toString()) ?? [];

async function renderEditor(markdown = NOTE) {
  const { host, calls } = fakeHost();
  const ref = createRef<EditorHandle>();
  render(<Editor ref={ref} initialMarkdown={markdown} ariaLabel="Note: Study" terms={host} />);
  await act(async () => {});
  const editor = getNearestEditorFromDOMNode(screen.getByRole('textbox', { name: 'Note: Study' }))!;
  return { editor, host, calls, handle: ref.current! };
}

async function typeAtEnd(editor: LexicalEditor, text: string) {
  await act(async () => {
    editor.update(
      () => {
        const paragraph = $getRoot().getChildren()[1]!;
        paragraph.selectEnd();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(text);
      },
      { discrete: true },
    );
  });
}

describe('TermDefinitionsPlugin', () => {
  it('underlines the first occurrence of each term per section, never in links, code or headings', async () => {
    const { calls } = await renderEditor();
    await waitFor(() => expect(painted()).toEqual(['synapse', 'neurons', 'Synapse']));
    // One call for the whole note; headings are not sent.
    expect(calls).toHaveLength(1);
    expect(calls[0]!.some((text) => text.includes('Neurons') && !text.includes('joins'))).toBe(false);
    expect(calls[0]!.join('\n')).not.toContain('dendrite in code');
  });

  it('scans again only the block that changed, once typing pauses', async () => {
    const { editor, calls } = await renderEditor();
    await waitFor(() => expect(painted()).toHaveLength(3));
    await typeAtEnd(editor, ' A dendrite too.');
    // The changed block's underlines go at once (its text moved), the others stay.
    expect(painted()).toEqual(['Synapse']);
    await waitFor(() => expect(painted()).toEqual(['synapse', 'neurons', 'dendrite', 'Synapse']));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toHaveLength(1);
    expect(calls[1]![0]).toMatch(/^A synapse joins neurons; .* A dendrite too\.$/s);
  });

  it('shows the card from the keyboard, as text, and links the occurrence', async () => {
    const { editor, handle, host } = await renderEditor();
    await waitFor(() => expect(painted()).toHaveLength(3));
    const neurons = fake.registry.get(TERM_HIGHLIGHT)!.ranges[1]!;
    document.getSelection()!.collapse(neurons.startContainer, neurons.startOffset + 2);
    await act(async () => {
      expect(appCommands.run('editor.showDefinition')).toBe(true);
    });
    const card = await screen.findByRole('dialog', { name: 'Definition of neurons' });
    await waitFor(() => expect(within(card).getByText(/A nerve cell\./)).toBeTruthy());
    // The payload is text: no element was made of it.
    expect(card.querySelector('img, script, svg, iframe, embed, object, a, input, details, video, audio')).toBeNull();
    expect(card.textContent).toContain(PAYLOAD);
    expect((window as { __canary?: number }).__canary).toBeUndefined();
    expect(within(card).getByText('Neuroscience')).toBeTruthy();
    // Focus moved into the card; its buttons open the entry.
    await waitFor(() => expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Open beside' })));
    fireEvent.click(within(card).getByRole('button', { name: 'Link “neurons” to Neuron' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(handle.getMarkdown()).toContain('A synapse joins [[Neuron|neurons]]; another synapse');
    expect(host.openBeside).not.toHaveBeenCalled();
    // The link is not a term any more: after the pause, the block's other terms only.
    await waitFor(() => expect(painted()).toEqual(['synapse', 'Synapse']));
    void editor;
  });

  it('closes the card on Escape and gives the focus back to the editor', async () => {
    const { host } = await renderEditor();
    await waitFor(() => expect(painted()).toHaveLength(3));
    const synapse = fake.registry.get(TERM_HIGHLIGHT)!.ranges[0]!;
    document.getSelection()!.collapse(synapse.startContainer, synapse.startOffset);
    await act(async () => void appCommands.run('editor.showDefinition'));
    const card = await screen.findByRole('dialog', { name: 'Definition of synapse' });
    const beside = await within(card).findByRole('button', { name: 'Open beside' });
    await waitFor(() => expect(document.activeElement).toBe(beside));
    fireEvent.keyDown(beside, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Note: Study' })));
    document.getSelection()!.collapse(synapse.startContainer, synapse.startOffset + 1);
    await act(async () => void appCommands.run('editor.showDefinition'));
    fireEvent.click(await screen.findByRole('button', { name: 'Open beside' }));
    expect(host.openBeside).toHaveBeenCalledWith(expect.objectContaining({ id: 'synapse' }));
  });

  it('paints nothing and forgets its underlines when it goes (the switches)', async () => {
    const { host } = fakeHost();
    const { rerender } = render(<Editor initialMarkdown={NOTE} ariaLabel="Note: Study" terms={host} />);
    await waitFor(() => expect(painted()).toHaveLength(3));
    rerender(<Editor initialMarkdown={NOTE} ariaLabel="Note: Study" />);
    expect(fake.registry.has(TERM_HIGHLIGHT)).toBe(false);
  });
});

describe('firstPerSection', () => {
  const hit = (start: number, ...entryIds: string[]): TermHit => ({ start, end: start + 1, entryIds });
  it('keeps an occurrence naming an entry not named before in its section, across blocks', () => {
    expect(
      firstPerSection([
        { heading: false, hits: [hit(0, 'a'), hit(5, 'b')] },
        { heading: false, hits: [hit(0, 'a'), hit(3, 'a', 'c')] },
        { heading: true, hits: [] },
        { heading: false, hits: [hit(2, 'a')] },
      ]),
    ).toEqual([[hit(0, 'a'), hit(5, 'b')], [hit(3, 'a', 'c')], [], [hit(2, 'a')]]);
  });
});

describe('$blockTextOf', () => {
  it('keeps plain text and puts a line break for links, code, tags and formulas', async () => {
    const { editor } = await renderEditor('Plain **bold** `code` [web](https://example.com) [[Wiki]] #tag $x$ end.\n');
    const text = editor.read(() => $blockTextOf($getRoot().getFirstChild()!).text);
    expect(text.replace(/\s*\n\s*/g, '|')).toBe('Plain bold|end.');
  });
});
