import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  $createNodeSelection,
  $getRoot,
  $isElementNode,
  $setSelection,
  getNearestEditorFromDOMNode,
  type LexicalEditor,
  PASTE_COMMAND,
} from 'lexical';
import { createRef } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AttachmentInfo } from '@shared/domain/attachments';
import { Editor, type EditorHandle } from '../Editor';
import { $isImageNode } from '../nodes/ImageNode';
import { FakeDataTransfer, installClipboardEvents } from '../testing/clipboard';
import { type MediaHost, RemoteImagePolicy } from './mediaHost';

const RUN = 'window.__canary=1';

function fakeHost(files: Record<string, AttachmentInfo> = {}) {
  const always = vi.fn(async () => undefined);
  const host = {
    remoteImages: new RemoteImagePolicy(false, always),
    notify: vi.fn(),
    saveImage: vi.fn(async () => '![[Pasted image 20261204153000.png]]'),
    resolveAttachment: vi.fn(async (target: string) => files[target] ?? null),
    openAttachment: vi.fn(async () => undefined),
    fetchRemoteImage: vi.fn(async () => 'data:image/png;base64,iVBORw0KGgo='),
  } satisfies MediaHost;
  return { host, always };
}

async function renderWith(markdown: string, host: MediaHost) {
  const ref = createRef<EditorHandle>();
  render(<Editor ref={ref} initialMarkdown={markdown} ariaLabel="Note: Test" media={host} />);
  await act(async () => {});
  await act(async () => {});
  const surface = screen.getByRole('textbox', { name: 'Note: Test' });
  const editor = getNearestEditorFromDOMNode(surface) as LexicalEditor;
  return { surface, editor, handle: ref.current! };
}

beforeAll(() => installClipboardEvents());
afterEach(() => cleanup());

describe('images and attachments in the editor', () => {
  it('shows hostile image names, alt texts and SVGs as text or <img> only, and loads nothing from the web', async () => {
    const svg = `<svg onload=${RUN}>.svg`;
    const { host } = fakeHost({
      [svg]: { path: `a/${svg}`, size: 10, kind: 'image' },
      [`"><img src=x onerror=${RUN}>.pdf`]: { path: 'p.pdf', size: 10, kind: 'pdf' },
    });
    const markdown = [
      `![[${svg}|<b onmouseover=${RUN}>x</b>]] ![<img src=x onerror="${RUN}">](x" onerror="${RUN}.png)`,
      '',
      `![[missing <script>${RUN}</script>.png]] ![["><img src=x onerror=${RUN}>.pdf]]`,
      '',
      `![<svg onload=${RUN}>|100](https://evil.example/track.png?a=1&b=%3Cx%3E)`,
      '',
    ].join('\n');
    const { surface, handle } = await renderWith(markdown, host);
    expect(surface.querySelector('script, iframe, object, embed, svg:not(.ed-file-icon)')).toBeNull();
    for (const element of surface.querySelectorAll('*'))
      for (const attribute of element.getAttributeNames()) expect(attribute, element.tagName).not.toMatch(/^on/);
    const sources = [...surface.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).toEqual([`/vault-file/a/${encodeURIComponent(svg)}`]);
    expect(screen.getByRole('group', { name: 'Image from evil.example, not loaded' })).toBeTruthy();
    expect(host.fetchRemoteImage).not.toHaveBeenCalled();
    expect(handle.getMarkdown()).toBe(markdown.trimEnd() + '\n');
  });

  it('shows an image the host found before the editor showed it at once, its place reserved, with no lookup of its own', async () => {
    const { host } = fakeHost();
    const info: AttachmentInfo = { path: 'attachments/fig.png', size: 10, kind: 'image', width: 640, height: 360 };
    const never = vi.fn((target: string) => new Promise<AttachmentInfo | null>(() => void target));
    const found = { ...host, resolveAttachment: never };
    const known = { ...found, knownAttachment: (target: string) => (target === 'fig.png' ? info : undefined) };
    await renderWith('Text ![[fig.png]] and ![[other.png]]\n', known);
    const image = screen.getByRole('img', { name: 'fig.png' });
    expect([image.getAttribute('src'), image.getAttribute('width'), image.getAttribute('height')]).toEqual([
      '/vault-file/attachments/fig.png',
      '640',
      '360',
    ]);
    expect(never.mock.calls.map(([target]) => target)).toEqual(['other.png']);
    cleanup();
    // Without it, the image waits for its lookup.
    await renderWith('Text ![[fig.png]]\n', found);
    expect(screen.queryByRole('img', { name: 'fig.png' })).toBeNull();
  });

  it('loads a web image through the host only once allowed, for the note or always', async () => {
    const { host, always } = fakeHost();
    await renderWith('A ![chart|120](https://example.org/c.png) b\n', host);
    expect(host.fetchRemoteImage).not.toHaveBeenCalled();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Load for this note' })));
    await act(async () => {});
    expect(host.fetchRemoteImage).toHaveBeenCalledWith('https://example.org/c.png');
    const image = screen.getByRole('img', { name: 'chart' });
    expect([image.getAttribute('src'), image.getAttribute('width')]).toEqual([
      'data:image/png;base64,iVBORw0KGgo=',
      '120',
    ]);
    expect(always).not.toHaveBeenCalled();
    cleanup();
    const second = fakeHost();
    await renderWith('![](https://example.org/d.png)\n', second.host);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Always load' })));
    expect(second.always).toHaveBeenCalledOnce();
  });

  it('shows other attachments as chips that open them, and missing ones as missing', async () => {
    const { host } = fakeHost({ 'paper.pdf': { path: 'papers/paper.pdf', size: 1536, kind: 'pdf' } });
    await renderWith('Read ![[paper.pdf]] and ![[gone.mp3]].\n', host);
    await act(async () => {});
    const chip = screen.getByRole('button', { name: /^Open PDF\s*paper\.pdf\s*,\s*1\.5 KB$/ });
    await act(async () => fireEvent.click(chip));
    expect(host.openAttachment).toHaveBeenCalledWith('papers/paper.pdf');
    expect(screen.getByRole('img', { name: 'Missing file: gone.mp3' })).toBeTruthy();
  });

  it('writes a new width into that image only, byte for byte elsewhere', async () => {
    const { host } = fakeHost({ 'x.png': { path: 'x.png', size: 1, kind: 'image' } });
    const markdown = 'Intro  *kept*  as is\n\n![[x.png|200x100]] and ![alt](x.png)\n\n- list\n';
    const { editor, handle } = await renderWith(markdown, host);
    await act(async () =>
      editor.update(
        () => {
          const images = $getRoot()
            .getChildren()
            .flatMap((block) => ($isElementNode(block) ? block.getChildren() : []))
            .filter($isImageNode);
          images[0]!.setWidth(240);
          images[1]!.setWidth(120);
        },
        { discrete: true },
      ),
    );
    expect(handle.getMarkdown()).toBe('Intro  *kept*  as is\n\n![[x.png|240]] and ![alt|120](x.png)\n\n- list\n');
  });

  it('marks the image the selection takes, from one update listener for all images', async () => {
    const files = Object.fromEntries(
      ['a.png', 'b.png', 'c.png'].map((name) => [name, { path: name, size: 1, kind: 'image' as const }]),
    );
    const { host } = fakeHost(files);
    const { surface, editor } = await renderWith('Text ![[a.png]] and ![[b.png]]\n\n![[c.png]]\n', host);
    const frames = () => [...surface.querySelectorAll('.ed-image-resizable')];
    const marked = () => frames().map((frame) => frame.hasAttribute('data-selected'));
    expect(frames()).toHaveLength(3);
    const images = () =>
      editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .flatMap((block) => ($isElementNode(block) ? block.getChildren() : []))
          .filter($isImageNode),
      );
    const [a, b, c] = images();
    const select = async (change: () => void) => act(async () => editor.update(change, { discrete: true }));
    await select(() => {
      const selection = $createNodeSelection();
      selection.add(b!.getKey());
      $setSelection(selection);
    });
    expect(marked()).toEqual([false, true, false]);
    // A caret right after an image does not select it; a range over the first paragraph selects both of its images.
    await select(() => a!.getParentOrThrow().select(2, 2));
    expect(marked()).toEqual([false, false, false]);
    await select(() => a!.getParentOrThrow().select(0, 2));
    expect(marked()).toEqual([true, false, false]);
    await select(() => $getRoot().select(0, 2));
    expect(marked()).toEqual([true, true, true]);
    // The same answers as Lexical's own.
    await select(() => c!.getParentOrThrow().select(0, 0));
    expect(marked()).toEqual(editor.getEditorState().read(() => images().map((image) => image.isSelected())));
    // One listener for the three images (Lexical's own hook adds one per image).
    const listeners = (editor as unknown as { _listeners: { update: Set<unknown> } })._listeners.update.size;
    cleanup();
    const more = await renderWith(
      Array.from({ length: 12 }, (_, i) => `![[${['a', 'b', 'c'][i % 3]}.png]]`).join('\n\n') + '\n',
      host,
    );
    expect(more.surface.querySelectorAll('.ed-image-resizable')).toHaveLength(12);
    expect((more.editor as unknown as { _listeners: { update: Set<unknown> } })._listeners.update.size).toBe(listeners);
  });

  it('draws images of the vault as plain DOM, with a resize handle for the selected image only', async () => {
    const files = Object.fromEntries(
      ['a.png', 'b.png'].map((name) => [name, { path: `img/${name}`, size: 1, kind: 'image' as const }]),
    );
    const { host } = fakeHost(files);
    const { surface, editor, handle } = await renderWith('Text ![[a.png]] and ![b|80](b.png)\n', host);
    // No React view (portal) for either image: Lexical holds no decorator for them.
    expect(Object.keys((editor as unknown as { _decorators: object })._decorators)).toEqual([]);
    const images = [...surface.querySelectorAll('img.ed-image')];
    expect(
      images.map((img) => [img.getAttribute('src'), img.getAttribute('alt'), img.getAttribute('loading')]),
    ).toEqual([
      ['/vault-file/img/a.png', 'a.png', 'lazy'],
      ['/vault-file/img/b.png', 'b', 'lazy'],
    ]);
    expect(images.map((img) => img.getAttribute('decoding'))).toEqual(['async', 'async']);
    expect(screen.queryByRole('slider')).toBeNull();
    await act(async () => fireEvent.click(images[1]!));
    const slider = screen.getByRole('slider', { name: 'Width of image b' });
    expect(surface.querySelectorAll('.ed-image-handle')).toHaveLength(1);
    expect(slider.getAttribute('aria-valuetext')).toBe('80 pixels wide');
    expect(images[1]!.parentElement!.hasAttribute('data-selected')).toBe(true);
    // Enter goes to the handle; an arrow steps 10 px; Enter writes the width into that image only.
    Object.defineProperty(surface, 'clientWidth', { value: 600 }); // jsdom lays nothing out
    await act(async () => void fireEvent.keyDown(surface, { key: 'Enter' }));
    expect(document.activeElement).toBe(slider);
    await act(async () => void fireEvent.keyDown(slider, { key: 'ArrowRight' }));
    expect(slider.getAttribute('aria-valuetext')).toBe('90 pixels wide');
    await act(async () => void fireEvent.keyDown(slider, { key: 'Enter' }));
    await act(async () => {});
    expect(handle.getMarkdown()).toBe('Text ![[a.png]] and ![b|90](b.png)\n');
    // The image made again for its new source keeps its selection and its handle.
    const frame = surface.querySelector('img[alt="b"]')!.parentElement!;
    expect([frame.hasAttribute('data-selected'), frame.style.width]).toEqual([true, '90px']);
    expect(screen.getAllByRole('slider')).toHaveLength(1);
    // A click on the other image moves the handle there.
    await act(async () => fireEvent.click(surface.querySelector('img[alt="a.png"]')!));
    expect(screen.getByRole('slider').getAttribute('aria-label')).toBe('Width of image a.png');
  });

  it('saves a pasted image through the host and inserts its embed; refuses a file that is not an image', async () => {
    const { host } = fakeHost({
      'Pasted image 20261204153000.png': {
        path: 'attachments/Pasted image 20261204153000.png',
        size: 1,
        kind: 'image',
      },
    });
    const { editor, handle } = await renderWith('Start\n', host);
    await act(async () => editor.update(() => $getRoot().selectEnd(), { discrete: true }));
    const send = (file: File) => {
      const data = new FakeDataTransfer({});
      data.files.push(file);
      const event = new ClipboardEvent('paste', { clipboardData: data } as EventInit);
      return editor.dispatchCommand(PASTE_COMMAND, event);
    };
    await act(async () => {
      expect(send(new File(['%PDF'], 'paper.pdf', { type: 'application/pdf' }))).toBe(true);
    });
    expect(host.notify).toHaveBeenCalledWith(expect.stringContaining('“paper.pdf” is not an image'));
    expect(host.saveImage).not.toHaveBeenCalled();
    const big = new File(['x'], 'huge.png', { type: 'image/png' });
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    await act(async () => void send(big));
    expect(host.notify).toHaveBeenCalledWith(expect.stringContaining('larger than 20 MB'));
    await act(async () => void send(new File(['png'], 'image.png', { type: 'image/png' })));
    await act(async () => {});
    expect(host.saveImage).toHaveBeenCalledOnce();
    expect(handle.getMarkdown()).toBe('Start![[Pasted image 20261204153000.png]]\n');
  });
});
