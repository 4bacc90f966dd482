/**
 * Links: only http, https and mailto URLs ever become LinkNodes, however the Markdown
 * spells another scheme; everything else stays as literal text and is saved unchanged.
 */
import { $isLinkNode, type LinkNode } from '@lexical/link';
import { $dfsIterator } from '@lexical/utils';
import fc from 'fast-check';
import { $createTextNode, $getRoot, type ElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, roundTrip, save } from './testing/headlessEditor';

function linksIn(markdown: string): string[] {
  const editor = createMarkdownEditor();
  load(editor, markdown);
  return editor.getEditorState().read(() => {
    const urls: string[] = [];
    for (const { node } of $dfsIterator($getRoot())) if ($isLinkNode(node)) urls.push((node as LinkNode).getURL());
    return urls;
  });
}

const SCHEMES = ['javascript', 'vbscript', 'data', 'file', 'blob', 'about', 'chrome', 'ftp', 'app', 'tel'];

/** `scheme` spelled with random case, entity references and escapes. */
const disguised = fc
  .tuple(fc.constantFrom(...SCHEMES), fc.array(fc.nat(4), { minLength: 16, maxLength: 16 }))
  .map(([scheme, choices]) =>
    [...`${scheme}:`]
      .map((char, index) => {
        switch (choices[index % choices.length]) {
          case 0:
            return char.toUpperCase();
          case 1:
            return `&#${char.charCodeAt(0)};`;
          case 2:
            return `&#x${char.charCodeAt(0).toString(16)};`;
          case 3:
            return /[!-/:-@[-`{-~]/.test(char) ? `\\${char}` : char;
          default:
            return char;
        }
      })
      .join(''),
  );

describe('links', () => {
  it('makes links of http, https and mailto URLs', () => {
    expect(linksIn('[a](https://x.org) [b](http://y.org/p?q=1) [c](mailto:me@x.org) <https://z.org>')).toEqual([
      'https://x.org',
      'http://y.org/p?q=1',
      'mailto:me@x.org',
      'https://z.org',
    ]);
  });

  it('never makes a LinkNode of a javascript:, data:, file: … URL, however it is spelled', () => {
    fc.assert(
      fc.property(
        disguised,
        fc.constantFrom('[x](%s)', '[x](<%s>)', '<%s>', '[x](%s "t")', '[x]( %s )'),
        (scheme, shape) => {
          const markdown = shape.replace('%s', `${scheme}alert(1)`);
          expect(linksIn(markdown)).toEqual([]);
          expect(roundTrip(markdown)).toBe(markdown);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('keeps refused links as literal text through an edit of their paragraph', () => {
    const markdown = '[x](javascript:alert(1)) and [y](JaVaScRiPt:void(0)) and [z](jav&#x61;script:1)\n';
    const editor = createMarkdownEditor();
    load(editor, markdown);
    editor.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().append($createTextNode(' edited')), {
      discrete: true,
    });
    const saved = save(editor);
    expect(saved).toContain('[x](javascript:alert(1))');
    expect(saved).toContain('[y](JaVaScRiPt:void(0))');
    expect(saved).toContain('[z](jav&#x61;script:1)');
    expect(linksIn(saved)).toEqual([]);
  });

  it('writes link URLs and titles so that they read back the same', () => {
    const editor = createMarkdownEditor();
    load(editor, '[a](https://x.org/a_(b)?q=1&amp;r=2 "say \\"hi\\"") [b](<https://x.org/a b>)\n');
    const urls = linksIn(save(editor));
    editor.update(() => $getRoot().getFirstChildOrThrow<ElementNode>().append($createTextNode(' edited')), {
      discrete: true,
    });
    expect(linksIn(save(editor))).toEqual(urls);
    expect(urls).toEqual(['https://x.org/a_(b)?q=1&r=2', 'https://x.org/a b']);
  });
});
