/**
 * HTML written in a note (an HTML block: `<h2>…</h2>`, `<details>`, `<center>`, a table, a
 * coloured `<span>`), reduced to what can be shown safely in the note, as Obsidian shows
 * such blocks: text structure and simple formatting only. Nothing runs, loads or navigates:
 * no scripts, event handlers, frames, forms, images, media, styles that load (`url(…)`) or
 * position anything, classes or ids (which could dress text as the app's own controls).
 * Links keep an http, https or mailto address and are opened by the view, outside the app.
 */
import DOMPurify from 'dompurify';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { withoutBaseElements } from '../clipboardHtml';

const TAGS = [
  'a',
  'abbr',
  'b',
  'big',
  'blockquote',
  'br',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
  'var',
];
const ATTRIBUTES = ['href', 'title', 'align', 'colspan', 'rowspan', 'color', 'open', 'style', 'start', 'reversed'];

/** CSS properties kept from a `style` attribute: colours and text styling, nothing that places or loads. */
const STYLE_PROPERTIES = new Set([
  'color',
  'background-color',
  'text-align',
  'font-weight',
  'font-style',
  'text-decoration',
  'text-decoration-line',
]);
/** A value made of words, numbers, `#hex`, `%` and `rgb()`/`hsl()` colours: no url(), no escapes, no var(). */
const SAFE_VALUE =
  /^(?:[a-z-]+|#[0-9a-f]{3,8}|\d+(?:\.\d+)?%?|(?:rgba?|hsla?)\([\d\s.,%/]+\))(?:\s+(?:[a-z-]+|#[0-9a-f]{3,8}|\d+(?:\.\d+)?%?|(?:rgba?|hsla?)\([\d\s.,%/]+\)))*$/i;

/** The allowed declarations of a `style` attribute, or '' when none is. */
export function safeStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (STYLE_PROPERTIES.has(property) && value.length <= 64 && SAFE_VALUE.test(value)) {
      kept.push(`${property}: ${value}`);
    }
  }
  return kept.join('; ');
}

let purifier: ReturnType<typeof DOMPurify> | null = null;

function notePurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  // An instance of its own: the paste sanitizer's hooks and these never meet.
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (element, data) => {
    if (data.attrName === 'style') {
      const style = safeStyle(data.attrValue);
      if (style === '') data.keepAttr = false;
      else data.attrValue = style;
    } else if (data.attrName === 'href') {
      if (element.tagName !== 'A' || !isAllowedLinkUrl(data.attrValue.trim())) data.keepAttr = false;
    } else if (data.attrName === 'color' && element.tagName !== 'FONT') {
      data.keepAttr = false;
    }
  });
  purifier = instance;
  return instance;
}

/**
 * `html` sanitized for showing inside a note, as a fragment of inert nodes to insert. Empty
 * (no element, no text but whitespace) for a block that only held what was removed, such
 * as an HTML comment or a script.
 */
export function sanitizeNoteHtml(html: string): DocumentFragment {
  // A `<base>` would be reported as a CSP violation even while DOMPurify parses it inertly.
  return notePurifier().sanitize(withoutBaseElements(html), {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    RETURN_DOM_FRAGMENT: true,
  });
}

/** True when `fragment` shows nothing: only whitespace text and no rule (`<hr>`). */
export function isEmptyFragment(fragment: DocumentFragment): boolean {
  return (fragment.textContent ?? '').trim() === '' && fragment.querySelector('hr') === null;
}
