/**
 * A 20,000-word note and pathological inputs load, save byte for byte, take an edit and
 * save again. How fast is `npm run bench`'s to judge (typing and large-input sections),
 * never a unit test's: the times measured here are only printed.
 */
import { $createTextNode, $getRoot, $isParagraphNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, save } from './testing/headlessEditor';
import { largeNote } from './testing/largeNote';

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

describe('performance of a 20,000-word note', () => {
  it('loads, saves, and saves again after an edit', () => {
    const text = largeNote(20_000);
    const samples: Array<Record<string, number>> = [];
    for (let round = 0; round < 3; round++) {
      const editor = createMarkdownEditor();
      let saved = '';
      const load_ = time(() => load(editor, text));
      const firstSave = time(() => (saved = save(editor)));
      expect(saved).toBe(text);
      const secondSave = time(() => save(editor));
      editor.update(
        () => {
          const paragraphs = $getRoot().getChildren().filter($isParagraphNode);
          paragraphs[Math.floor(paragraphs.length / 2)]!.append($createTextNode(' edited'));
        },
        { discrete: true },
      );
      const saveAfterEdit = time(() => (saved = save(editor)));
      expect(saved.length).toBe(text.length + ' edited'.length);
      samples.push({ load: load_, firstSave, secondSave, saveAfterEdit });
    }
    const best = (key: string): number => Math.min(...samples.map((sample) => sample[key]!));
    console.info(
      `20k words (${text.length} chars): load ${best('load').toFixed(0)} ms, first save ${best('firstSave').toFixed(0)} ms, ` +
        `save unchanged ${best('secondSave').toFixed(1)} ms, save after an edit ${best('saveAfterEdit').toFixed(1)} ms`,
    );
  });

  it.each([
    ['unmatched brackets', `${'['.repeat(20_000)}a${']('.repeat(5_000)}`],
    ['a long run of spaces', `a${' '.repeat(100_000)}b\n`],
    ['unclosed highlights', '==a '.repeat(10_000)],
    ['code spans and stray backticks', '`a ``b '.repeat(10_000)],
    ['deeply nested list', Array.from({ length: 300 }, (_, depth) => `${' '.repeat(depth * 2)}- item`).join('\n')],
  ])('round-trips and takes an edit on %s', (_name, text) => {
    const editor = createMarkdownEditor();
    load(editor, text);
    expect(save(editor)).toBe(text);
    editor.update(() => $getRoot().selectEnd().insertText(' x'), { discrete: true });
    expect(save(editor).length).toBeGreaterThan(text.length);
  });
});
