import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import DOMPurify, { type Config } from 'dompurify';
import type { BaseSelection, LexicalEditor } from 'lexical';

/**
 * Pasted and dropped HTML, from the clipboard to editor nodes, without ever entering the
 * live document.
 *
 * The HTML is parsed with DOMParser into an inert document: no script runs there, no
 * handler is compiled, nothing is fetched (images, styles), `<details>` does not toggle.
 * DOMPurify then reduces it (all of it, or one slice of a large paste at a time), in an
 * inert document of its own, to the formatting a note can hold: a second layer, since
 * Lexical's import keeps only registered node types and `$sanitizeClipboardNodes` cleans
 * what it made. Lexical imports the result straight from there. Nothing here moves a
 * pasted node into the page's own document: a node adopted by the page loads its resources
 * and gets its handlers compiled.
 *
 * Chromium (156 and later) reports a `script-src-attr` CSP violation to the page for every
 * inline handler it parses, even in an inert document; the handlers never run there. The
 * end-to-end guard tells those reports apart from anything reaching the page (see
 * e2e/fixtures/injectionGuard.ts and e2e/specs/inertParsing.spec.ts).
 */

/** The elements whose meaning the editor's import reads (structure and text formatting). */
const KEPT_TAGS = [
  // The root DOMPurify walks (a removed root would be copied whole to keep its content).
  'body',
  // Blocks.
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  // Containers a page wraps its text in: kept so their blocks stay apart.
  'address',
  'article',
  'aside',
  'figure',
  'figcaption',
  'footer',
  'header',
  'main',
  'nav',
  'section',
  // Text.
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
  // The checkbox of a pasted task list (GitHub, Joplin); any other input is removed below.
  'input',
];

/**
 * The attributes the import reads, and on which elements: links, table spans, list
 * numbering and checkboxes; anywhere, the inline styles that carry bold or italic (Google
 * Docs) and the classes and data attributes that mark code blocks and task lists. No `on*`
 * handler, `src`, `srcdoc`, `id` or `name`, and a URL only as a link's `href`.
 */
const ATTRIBUTES_OF: Record<string, readonly string[]> = {
  '*': ['class', 'style', 'dir', 'aria-checked', '__lexicallisttype'],
  a: ['href', 'title'],
  ol: ['start'],
  li: ['value'],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  input: ['type', 'checked'],
};

const KEPT_ATTRIBUTES = [...new Set(Object.values(ATTRIBUTES_OF).flat())];

const CONFIG: Config & { RETURN_DOM: true } = {
  ALLOWED_TAGS: KEPT_TAGS,
  ALLOWED_ATTR: KEPT_ATTRIBUTES,
  // Data attributes mark code languages and checklists; they never execute.
  ALLOW_DATA_ATTR: true,
  // Unknown or refused elements give way to their text, MathML and SVG included: an unclosed
  // <math> or <svg><foreignObject> holds the rest of the paste. DOMPurify's default drops
  // their contents because its output is usually serialized and parsed again (mutation
  // XSS); this DOM is imported as it is, never parsed again.
  KEEP_CONTENT: true,
  // Except code, frames, page furniture and fallbacks, which are not the text pasted.
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'head',
    'title',
    'iframe',
    'noembed',
    'noframes',
    'noscript',
    'plaintext',
    'xmp',
    'audio',
    'video',
    'selectedcontent',
  ],
  RETURN_DOM: true,
};

// An instance of our own: its configuration and hooks are nobody else's.
const purifier = DOMPurify(window);
// Each attribute only where it means something (DOMPurify's allowlist is for any element).
purifier.addHook('uponSanitizeAttribute', (element, data) => {
  if (data.attrName.startsWith('data-') || ATTRIBUTES_OF['*']!.includes(data.attrName)) return;
  if (!ATTRIBUTES_OF[element.localName]?.includes(data.attrName)) data.keepAttr = false;
});

// A `<base` start tag: the HTML tokenizer ends a tag name at whitespace, `/` or `>`.
const BASE_START_TAG = /<base(?=[\t\n\f\r />])/gi;

/**
 * Pasted HTML with every `<base>` element turned into an inert `<wbr>` (its attributes kept,
 * meaning nothing there). Even in an inert document a `<base href>` would re-base every
 * relative URL of the paste, and the parse would be reported as a `base-uri` CSP violation
 * (the inert document inherits the app's CSP): a pasted web page must not do either.
 */
export function withoutBaseElements(html: string): string {
  return html.replace(BASE_START_TAG, '<wbr');
}

/**
 * Pasted or dropped HTML parsed into an inert document, not yet sanitized: hand it, or
 * fragments made of its nodes by its own document (`body.ownerDocument`, never `document`),
 * to {@link $insertClipboardDom}, which sanitizes before importing. Returns that document's
 * `<body>`, which is never part of the page.
 */
export function parseInertHtml(html: string): HTMLElement {
  return new DOMParser().parseFromString(withoutBaseElements(html), 'text/html').body;
}

/**
 * A sanitized copy of `dom` (a parseInertHtml body, or a fragment of its document): the
 * body of another inert document (DOMPurify's own), holding only what the editor imports.
 *
 * @throws Error when DOMPurify cannot work here (no DOM): the paste fails rather than
 *   going through unsanitized.
 */
export function sanitizeClipboardDom(dom: HTMLElement | DocumentFragment): HTMLElement {
  const body: unknown = purifier.sanitize(dom, CONFIG);
  if (!(body instanceof HTMLElement)) throw new Error('Pasted HTML could not be sanitized.');
  for (const input of Array.from(body.querySelectorAll('input'))) {
    if (input.getAttribute('type') !== 'checkbox') input.remove();
  }
  return body;
}

/** parseInertHtml, then sanitizeClipboardDom: pasted HTML reduced to what the editor imports. */
export function parseClipboardHtml(html: string): HTMLElement {
  return sanitizeClipboardDom(parseInertHtml(html));
}

/** Lexical's own clipboard format: the editor's nodes serialized as JSON. */
const LEXICAL_MIME_TYPE = 'application/x-lexical-editor';

/** Clipboard contents as a paste, drop or input event carries them. */
export interface ClipboardData {
  readonly types: readonly string[];
  getData(type: string): string;
}

/**
 * The HTML of a clipboard that the editor must import itself, or null when there is none
 * or Lexical's own handler takes the paste without reading any HTML: the clipboard holds
 * this editor's own serialized nodes (same namespace), which Lexical prefers to HTML.
 */
export function clipboardHtmlToImport(data: ClipboardData, editor: LexicalEditor): string | null {
  if (!data.types.includes('text/html')) return null;
  const html = data.getData('text/html');
  if (html === '') return null;
  if (data.types.includes(LEXICAL_MIME_TYPE) && isOwnLexicalData(data.getData(LEXICAL_MIME_TYPE), editor)) {
    return null;
  }
  return html;
}

function isOwnLexicalData(json: string, editor: LexicalEditor): boolean {
  try {
    const payload: unknown = JSON.parse(json);
    return (
      typeof payload === 'object' &&
      payload !== null &&
      'namespace' in payload &&
      payload.namespace === editor._config.namespace &&
      'nodes' in payload &&
      Array.isArray(payload.nodes)
    );
  } catch {
    return false;
  }
}

/**
 * Sanitizes `dom` (sanitizeClipboardDom: a parseInertHtml body, or a fragment of its
 * document), imports it as editor nodes and inserts them at `selection`, as a paste does
 * (the nodes go through SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, so PasteSanitizerPlugin
 * cleans them too). Needs an update context.
 */
export function $insertClipboardDom(
  editor: LexicalEditor,
  dom: HTMLElement | DocumentFragment,
  selection: BaseSelection,
): void {
  $insertGeneratedNodes(editor, $generateNodesFromDOM(editor, sanitizeClipboardDom(dom)), selection);
}

/** Parses `html` in an inert document and inserts it at `selection` ($insertClipboardDom). Needs an update context. */
export function $insertClipboardHtml(editor: LexicalEditor, html: string, selection: BaseSelection): void {
  $insertClipboardDom(editor, parseInertHtml(html), selection);
}
