import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, save } from '../markdown/testing/headlessEditor';
import { $isMathInlineNode } from './MathInlineNode';
import { findInlineMath, registerInlineMath } from './MathPlugin';
import { renderMath, loadKatex, MAX_EXPAND } from './renderMath';

const NOTE = 'Energy $E = mc^2$ and $$\\sum_i x_i$$ cost \\$5 and \\$6, `$code$` stays.\n\n$$\nx^2\n$$\n';

describe('inline math', () => {
  it('finds formulas as Obsidian does, skipping escaped ones and the one at the caret', () => {
    expect(findInlineMath('a $x$ b', [], null)).toEqual([2, 5]);
    expect(findInlineMath('cost $5 and $6', [], null)).toBeNull();
    expect(findInlineMath('a $x$ b $y$', ['$x$'], null)).toEqual([8, 11]);
    expect(findInlineMath('a $x$ b $y$', [], 3)).toEqual([8, 11]);
  });

  it('typesets $…$ in text and still saves the note byte for byte', async () => {
    const editor = createMarkdownEditor();
    const cleanup = registerInlineMath(editor);
    load(editor, NOTE);
    await Promise.resolve();
    const sources = editor.getEditorState().read(() => {
      const found: string[] = [];
      const visit = (node: LexicalNode): void => {
        if ($isMathInlineNode(node)) found.push(node.getSource());
        if ($isElementNode(node)) node.getChildren().forEach(visit);
      };
      visit($getRoot());
      return found;
    });
    expect(sources).toEqual(['$E = mc^2$', '$$\\sum_i x_i$$']);
    expect(save(editor)).toBe(NOTE);
    cleanup();
  });
});

describe('KaTeX rendering', () => {
  it('never makes links or loads anything: \\href, \\url, \\includegraphics stay inert', async () => {
    const katex = await loadKatex();
    for (const tex of [
      '\\href{javascript:alert(1)}{x}',
      '\\url{javascript:alert(1)}',
      '\\includegraphics{https://example.org/x.png}',
      '\\htmlClass{x}{y}',
      '\\htmlStyle{background:url(https://example.org)}{y}',
      '<img src=x onerror=alert(1)>',
    ]) {
      const result = renderMath(katex, tex, false);
      if ('fragment' in result) {
        const host = document.createElement('div');
        host.append(result.fragment.cloneNode(true));
        expect(host.querySelector('a, img, [href], [src], [onerror], [style*="url("]')).toBeNull();
      }
    }
  });

  it('stops runaway macros and reports TeX errors instead of throwing', async () => {
    const katex = await loadKatex();
    const bomb = '\\def\\a{\\a\\a}\\a';
    expect(renderMath(katex, bomb, true)).toHaveProperty('error');
    expect(MAX_EXPAND).toBeLessThanOrEqual(1000);
    expect(renderMath(katex, '\\frac{1}{', false)).toHaveProperty('error');
  });
});
