import { splitFrontMatter } from '@shared/markdown/frontMatter';

/** A paragraph, list item, heading, table row or code block of a note, as plain text. */
export interface TextBlock {
  text: string;
  heading: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const LIST_ITEM = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const QUOTE = /^[ \t]*(?:>[ \t]?)+/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const CALLOUT = /^\[![\w-]+\][+-]?[ \t]*/;

/**
 * Turns a note's Markdown into plain-text blocks for snippets: front matter dropped,
 * block markers (`#`, `-`, `>`, fences, table pipes) and inline markup (emphasis, links,
 * wiki links, code ticks, HTML tags, comments) removed, keeping the words a reader sees.
 * A light scanner like extractNoteFields, not a full parser. Never throws.
 */
export function plainTextBlocks(markdown: string): TextBlock[] {
  const { body } = splitFrontMatter(markdown);
  const lines = body.split(/\r?\n/);
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let code: string[] | null = null;
  let fence = '';

  const endParagraph = () => {
    if (paragraph.length > 0) push(paragraph.join(' '), false);
    paragraph = [];
  };
  const push = (text: string, heading: boolean) => {
    const plain = stripInlineMarkdown(text).replace(/\s+/g, ' ').trim();
    if (plain !== '') blocks.push({ text: plain, heading });
  };

  for (const line of lines) {
    if (code !== null) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[1]) {
        const text = code.join(' ').replace(/\s+/g, ' ').trim();
        if (text !== '') blocks.push({ text, heading: false });
        code = null;
      } else {
        code.push(line);
      }
      continue;
    }
    const open = FENCE.exec(line);
    if (open) {
      endParagraph();
      code = [];
      fence = open[1]!;
      continue;
    }
    if (line.trim() === '') {
      endParagraph();
      continue;
    }
    if (paragraph.length > 0 && SETEXT.test(line)) {
      push(paragraph.join(' '), true);
      paragraph = [];
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      endParagraph();
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      endParagraph();
      push(atx[1]!, true);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      endParagraph();
      push(line.replace(LIST_ITEM, ''), false);
      continue;
    }
    if (QUOTE.test(line)) {
      endParagraph();
      push(line.replace(QUOTE, '').replace(CALLOUT, ''), false);
      continue;
    }
    if (line.includes('|') && /^[ \t]*\|/.test(line)) {
      endParagraph();
      if (!TABLE_DELIMITER.test(line)) {
        const cells = line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((cell) => cell.trim())
          .filter((cell) => cell !== '');
        push(cells.join(' · '), false);
      }
      continue;
    }
    paragraph.push(line.trim());
  }
  if (code !== null) {
    const text = code.join(' ').replace(/\s+/g, ' ').trim();
    if (text !== '') blocks.push({ text, heading: false });
  }
  endParagraph();
  return blocks;
}

/**
 * Removes inline Markdown, keeping the text a reader sees. Linear in the text: no pattern
 * can scan past the next bracket or delimiter of its own kind, so thousands of unclosed
 * `[[`, `[`, `*` or `**` cost no more than text (a pattern that may run to the end of the
 * text from each of them would take minutes on a large note, blocking the backend).
 */
export function stripInlineMarkdown(text: string): string {
  return (
    text
      // Comments and HTML tags.
      .replace(/%%.*?%%/g, ' ')
      .replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
      // Embeds and wiki links (the innermost `[[` opens one): the label, else the target
      // (a heading shown after ›).
      .replace(/!\[\[[^[\]]*\]\]/g, ' ')
      .replace(/\[\[([^[\]|]*)(?:\|([^[\]]*))?\]\]/g, (_m, target: string, label: string | undefined) =>
        label !== undefined && label.trim() !== '' ? label : target.replace(/#\^?/g, ' › ').replace(/^ › /, ''),
      )
      // Images and links: their text.
      .replace(/!\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
      .replace(/<((?:https?|mailto):[^>\s]*)>/g, '$1')
      // Footnote references and block ids.
      .replace(/\[\^[^[\]]+\]/g, '')
      .replace(/\s\^[A-Za-z0-9-]+\s*$/, '')
      // Code ticks, emphasis, strikethrough, highlight.
      .replace(/`+([^`]*)`+/g, '$1')
      .replace(/\*\*(?=\S)((?:(?!\*\*).)+?)(?<=\S)\*\*/g, '$1')
      .replace(/__(?=\S)((?:(?!__).)+?)(?<=\S)__/g, '$1')
      .replace(/(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=\S)\*(?![\w*])/g, '$1')
      .replace(/(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]+?)(?<=\S)_(?![\p{L}\p{N}_])/gu, '$1')
      .replace(/~~((?:(?!~~).)+?)~~/g, '$1')
      .replace(/==((?:(?!==).)+?)==/g, '$1')
      // Backslash escapes.
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
  );
}
