import { Parser } from 'htmlparser2';

// Elements that end a paragraph, and those whose content is never text for a reader.
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
const SKIPPED = new Set([
  'audio',
  'button',
  'canvas',
  'embed',
  'head',
  'iframe',
  'math',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'video',
]);

/**
 * Reduces an HTML fragment (an Anki field, say) to plain text with the formatting a
 * glossary entry keeps: paragraphs (blank lines), line breaks, list items as "• " lines,
 * table cells separated by spaces, an image's alt text. Every tag and attribute is
 * dropped, entities are decoded, and the content of scripts, styles, frames, media and
 * forms is dropped whole. The result is shown as text, never parsed as HTML again, so
 * nothing in it can run; this only decides what a reader gets to read.
 *
 * Runs in the backend, without a DOM: htmlparser2 tokenizes the way browsers do for
 * malformed markup (unclosed tags, stray `<`), which a regular expression would not.
 */
export function htmlToText(html: string): string {
  let out = '';
  let skipDepth = 0;
  const breakLine = (count: 1 | 2) => {
    const trailing = /\n*$/.exec(out)![0].length;
    if (out !== '' && trailing < count) out += '\n'.repeat(count - trailing);
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'br') out += '\n';
        else if (name === 'li') {
          breakLine(1);
          out += '• ';
        } else if (name === 'td' || name === 'th') out += ' ';
        else if (name === 'img' && attributes.alt?.trim()) out += ` ${attributes.alt.trim()} `;
        else if (BLOCKS.has(name)) breakLine(name === 'tr' ? 1 : 2);
      },
      ontext(text) {
        if (skipDepth === 0) out += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'li' || name === 'tr') breakLine(1);
        else if (BLOCKS.has(name)) breakLine(2);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out
    .replace(/[ \t\u00a0\u200b]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Whether a field looks like HTML (Anki fields without an `#html:` header). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:br|div|p|b|i|u|em|strong|span|li|ul|ol|img|font|sub|sup|a|table|tr|td|h[1-6])\b[^>]*>|&(?:nbsp|amp|lt|gt|quot|#\d+);/i.test(
    text,
  );
}
