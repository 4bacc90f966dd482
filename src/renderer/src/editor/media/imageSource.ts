/**
 * Reading and writing an image's size in its source, as Obsidian does: `![[x.png|240]]`,
 * `![[x.png|240x120]]`, `![[x.png|caption|240]]` for an embed, `![alt|240](x.png)` for a
 * Markdown image. Pure.
 */

const SIZE = /^\s*(\d{1,5})(?:x(\d{1,5}))?\s*$/;

export interface ImageLabel {
  /** What the image says in words: an embed's caption, a Markdown image's alt text. */
  text: string;
  width?: number;
  height?: number;
}

/**
 * The caption or alt text and the size a label holds: `240` → width; `240x120` → both;
 * `words|240` → both parts; anything else is all words.
 */
export function readImageLabel(label: string | null): ImageLabel {
  const value = label ?? '';
  const pipe = value.lastIndexOf('|');
  const sizePart = pipe >= 0 ? value.slice(pipe + 1) : value;
  const match = SIZE.exec(sizePart);
  if (!match) return { text: value };
  return {
    text: pipe >= 0 ? value.slice(0, pipe).replace(/\\$/, '') : '',
    width: Number(match[1]),
    ...(match[2] ? { height: Number(match[2]) } : {}),
  };
}

/**
 * `source` with the image's width set to `width` (and any height dropped, so the image
 * keeps its proportions): the size part of the label is replaced, or `|width` added at its
 * end. Only the label changes; the target and everything else stay as written.
 */
export function withImageWidth(source: string, width: number): string {
  const size = String(Math.max(1, Math.round(width)));
  if (source.startsWith('![[') && source.endsWith(']]')) {
    const inner = source.slice(3, -2);
    const first = /\\?\|/.exec(inner);
    if (!first) return `![[${inner}|${size}]]`;
    const head = inner.slice(0, first.index);
    const label = inner.slice(first.index + first[0].length);
    return `![[${head}${first[0]}${replaceSize(label, size, first[0])}]]`;
  }
  const close = source.lastIndexOf('](');
  if (!source.startsWith('![') || close < 0) return source;
  const label = source.slice(2, close);
  return `![${replaceSize(label, size, '|', true)}${source.slice(close)}`;
}

function replaceSize(label: string, size: string, pipe: string, emptyGetsPipe = false): string {
  if (SIZE.test(label)) return size;
  const last = label.lastIndexOf('|');
  if (last >= 0 && SIZE.test(label.slice(last + 1))) return `${label.slice(0, last + 1)}${size}`;
  if (label === '' && !emptyGetsPipe) return size;
  return `${label}${pipe}${size}`;
}
