/**
 * The blocks of a long document far from the viewport are marked `hidden="until-found"`
 * (skipped without being observed by the browser, see editor.css); the window follows scrolling and
 * blocks added; the blocks holding the selection are never far. jsdom lays nothing out, so
 * each top-level block is given a box of BLOCK px in document order, moved by `scrolled`.
 */
import { $createParagraphNode, $createTextNode, $getRoot, createEditor, type LexicalEditor } from 'lexical';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isFar, NEAR_VIEWPORTS, watchFarBlocks } from './farBlocks';

const BLOCK = 100;
let scrolled = 0;
let root: HTMLElement;
let editor: LexicalEditor;
let stop: () => void = () => undefined;

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const blocks = () => Array.from(root.children) as HTMLElement[];
const far = () => blocks().map(isFar);
/** Indexes of the blocks that are not far. */
const near = () =>
  far()
    .map((isFar, index) => (isFar ? -1 : index))
    .filter((index) => index >= 0);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

function addParagraphs(count: number) {
  editor.update(
    () => {
      for (let i = 0; i < count; i++)
        $getRoot().append($createParagraphNode().append($createTextNode(`Paragraph ${$getRoot().getChildrenSize()}`)));
    },
    { discrete: true },
  );
}

beforeEach(() => {
  scrolled = 0;
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const index = this.parentElement === root ? Array.prototype.indexOf.call(root.children, this) : 0;
    const top = index * BLOCK - scrolled;
    return { top, bottom: top + BLOCK, left: 0, right: 600, width: 600, height: BLOCK, x: 0, y: top } as DOMRect;
  });
  root = document.createElement('div');
  root.contentEditable = 'true';
  document.body.append(root);
  editor = createEditor({
    namespace: 'far-blocks-test',
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  addParagraphs(200);
});

afterEach(() => {
  stop();
  editor.setRootElement(null);
  root.remove();
  vi.restoreAllMocks();
});

describe('watchFarBlocks', () => {
  const view = () => window.innerHeight;
  const lastNear = (scroll: number) => Math.floor((scroll + view() * (1 + NEAR_VIEWPORTS)) / BLOCK);

  it('marks only the blocks further than the near margin from the viewport, and follows scrolling', async () => {
    stop = watchFarBlocks(editor, root);
    // Nothing changes in the call itself (it may run inside an editor update).
    expect(far().some(Boolean)).toBe(false);
    await frame();
    await frame();
    expect(near()).toEqual(range(0, lastNear(0)));

    scrolled = 10_000;
    window.dispatchEvent(new Event('scroll'));
    await frame();
    const first = Math.ceil((scrolled - view() * NEAR_VIEWPORTS) / BLOCK) - 1;
    expect(near()).toEqual(range(first, Math.min(lastNear(scrolled), 199)));
  });

  it('marks blocks added far away, and never the blocks holding the selection', async () => {
    stop = watchFarBlocks(editor, root);
    await frame();
    await frame();
    addParagraphs(50);
    await frame();
    expect(far()[249]).toBe(true);

    // The caret moved to the end (as Ctrl+End does in the model): its block is near at once.
    editor.update(() => $getRoot().selectEnd(), { discrete: true });
    expect(far()[249]).toBe(false);
    expect(near()).toEqual([...range(0, lastNear(0)), 249]);
    // And far again once the caret has left it.
    editor.update(() => $getRoot().selectStart(), { discrete: true });
    await frame();
    expect(far()[249]).toBe(true);
  });

  it('makes every block near again when stopped', async () => {
    stop = watchFarBlocks(editor, root);
    await frame();
    await frame();
    expect(far().some(Boolean)).toBe(true);
    // A `hidden` of a block's own is never touched.
    blocks()[150]!.setAttribute('hidden', '');
    scrolled = 15_000;
    window.dispatchEvent(new Event('scroll'));
    await frame();
    expect(blocks()[150]!.getAttribute('hidden')).toBe('');
    stop();
    expect(far().some(Boolean)).toBe(false);
    expect(blocks()[150]!.getAttribute('hidden')).toBe('');
  });
});
