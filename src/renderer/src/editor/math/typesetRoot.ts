/**
 * Where a typeset formula's KaTeX markup goes: the shadow root of its `.math` element,
 * not the note's DOM.
 *
 * A formula is 20–40 elements of KaTeX markup, and on every keystroke Chromium walks the
 * editor's DOM from its start to the caret to tell input methods where the caret is
 * (`Editor::SyncSelection`, `GetSelectionOffsets`), blocks skipped out of view
 * (`content-visibility`) included. In a note with 500 formulas they were 13,000 of its
 * 16,000 elements, and that walk, with hit testing and paint, made most of what typing
 * there cost beyond an empty note (issue #14). That walk does not enter shadow roots. The
 * formula stays one element with `role="img"` and its "Formula: …" name (its markup is
 * presentational either way); events from inside it reach the page from that element.
 *
 * Styles do not cross into a shadow root: KaTeX's (without its `@font-face` rules, which
 * stay in the page, where the fonts are declared for every tree) and the app's size for
 * formulas are given to each root as one shared sheet.
 */
import katexCss from 'katex/dist/katex.min.css?inline';

/** KaTeX's stylesheet without its fonts, and the app's size for formulas (was `.math .katex` in math.css). */
const CSS = `${katexCss.replace(/@font-face\s*\{[^}]*\}/g, '')}\n.katex{font-size:1.08em}`;

let shared: CSSStyleSheet | null | undefined;

/** One constructed sheet for every root, or null where the browser cannot share one (then a <style> each). */
function sharedSheet(): CSSStyleSheet | null {
  if (shared !== undefined) return shared;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    shared = 'adoptedStyleSheets' in ShadowRoot.prototype ? sheet : null;
  } catch {
    shared = null;
  }
  return shared;
}

/** Shows `fragment` (a sanitized KaTeX fragment: cloned here) as the content of `element`. */
export function showTypeset(element: HTMLElement, fragment: DocumentFragment): void {
  const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const sheet = sharedSheet();
  const content = fragment.cloneNode(true);
  if (sheet) {
    if (root.adoptedStyleSheets[0] !== sheet) root.adoptedStyleSheets = [sheet];
    root.replaceChildren(content);
  } else {
    const style = document.createElement('style');
    style.textContent = CSS;
    root.replaceChildren(style, content);
  }
}
