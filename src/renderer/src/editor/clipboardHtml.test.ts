import { createEditor } from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { clipboardHtmlToImport, parseClipboardHtml, withoutBaseElements } from './clipboardHtml';
import { EDITOR_NODES } from './markdown';

afterEach(() => {
  delete (window as { __canary?: unknown }).__canary;
});

const RUN = 'window.__canary=1';

/** Hostile HTML as web pages put it on the clipboard, each piece carrying visible text. */
const HOSTILE = [
  `<img src="https://evil.example/track.png" onerror="${RUN}" alt="alt text">`,
  `<svg onload="${RUN}"><text>svg text</text></svg>`,
  `<details open ontoggle="${RUN}"><summary>summary text</summary>details text</details>`,
  `<script>${RUN}</script>`,
  `<iframe srcdoc="<script>parent.__canary=1</script>">iframe text</iframe>`,
  `<object data="javascript:${RUN}">object text</object>`,
  `<embed src="javascript:${RUN}">`,
  `<form action="javascript:${RUN}"><input name="q" value="field"><button formaction="javascript:${RUN}">button text</button></form>`,
  `<style>@import url(https://evil.example/x.css); p { color: red }</style>`,
  `<link rel="stylesheet" href="https://evil.example/x.css">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<a href="javascript:${RUN}" onclick="${RUN}">js link</a>`,
  `<a href="  JaVaScRiPt:${RUN}">spaced js link</a>`,
  `<a href="data:text/html,<script>${RUN}</script>">data link</a>`,
  `<p id="location" name="cookie" onmouseover="${RUN}">clobbering text</p>`,
  `<base href="https://evil.example/"><a href="relative">relative link</a>`,
  `<noscript><p title="</noscript><img src=x onerror=${RUN}>">`,
  // Last: what follows it is swallowed by the <style> it opens.
  `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
].join('\n');

/** Every element and attribute name left in `root`, for assertions. */
function markupOf(root: Element): { tags: Set<string>; attributes: Set<string>; urls: string[] } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const urls: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    tags.add(el.localName);
    for (const attr of Array.from(el.attributes)) {
      attributes.add(attr.name);
      if (attr.name === 'href' || attr.name === 'src') urls.push(attr.value);
    }
  }
  return { tags, attributes, urls };
}

describe('parseClipboardHtml', () => {
  it('returns the body of an inert document, never of the page', () => {
    const before = document.querySelectorAll('*').length;
    const body = parseClipboardHtml(`<p>one</p>${HOSTILE}<p>two</p>`);
    expect(body.ownerDocument).not.toBe(document);
    expect(body.localName).toBe('body');
    expect(document.contains(body)).toBe(false);
    expect(document.querySelectorAll('*')).toHaveLength(before);
    expect((window as { __canary?: unknown }).__canary).toBeUndefined();
  });

  it('strips handlers, scripts, frames, objects, forms, styles, media, SVG and MathML', () => {
    const { tags, attributes } = markupOf(parseClipboardHtml(HOSTILE));
    for (const tag of [
      'img',
      'svg',
      'details',
      'script',
      'iframe',
      'object',
      'embed',
      'form',
      'button',
      'style',
      'link',
      'meta',
      'math',
      'mglyph',
      'noscript',
      'base',
    ]) {
      expect(tags, tag).not.toContain(tag);
    }
    for (const name of attributes) expect(name).not.toMatch(/^on|^(srcdoc|src|action|formaction|id|name)$/);
    // The only input left would be a checkbox; this one was a text field.
    expect(tags).not.toContain('input');
  });

  it('keeps no script or data link target, and the text of the elements it removes', () => {
    const body = parseClipboardHtml(HOSTILE);
    expect(markupOf(body).urls).toEqual(['relative']);
    for (const text of [
      'svg text',
      'summary text',
      'details text',
      'button text',
      'js link',
      'data link',
      'clobbering text',
      'relative link',
    ]) {
      expect(body.textContent).toContain(text);
    }
    // Script, style and frame contents are code, not text.
    expect(body.textContent).not.toMatch(/__canary|@import|color: red/);
  });

  it('keeps the structure and formatting the editor imports', () => {
    const html = [
      '<h2>Title</h2>',
      '<p><b>bold</b> <strong>strong</strong> <i>italic</i> <em>em</em> <s>gone</s> <code>code</code>',
      ' <a href="https://example.org/" title="t" target="_blank" rel="noopener">link</a>',
      ' <a href="mailto:a@example.org">mail</a></p>',
      '<b style="font-weight:normal" id="docs-internal-guid-1"><span style="font-weight:700">docs bold</span></b>',
      '<blockquote>quote</blockquote>',
      '<pre><code class="language-ts" data-language="ts">const x = 1;</code></pre>',
      '<ol start="3"><li value="3">three</li></ol>',
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> done</li></ul>',
      '<table><thead><tr><th scope="col">H</th></tr></thead><tbody><tr><td colspan="2">cell</td></tr></tbody></table>',
      '<hr>',
    ].join('');
    const body = parseClipboardHtml(html);
    const { tags } = markupOf(body);
    for (const tag of ['h2', 'b', 'strong', 'i', 'em', 's', 'code', 'a', 'span', 'blockquote', 'pre', 'ol', 'li']) {
      expect(tags, tag).toContain(tag);
    }
    for (const tag of ['ul', 'input', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'hr'])
      expect(tags, tag).toContain(tag);
    const link = body.querySelector('a')!;
    expect([link.getAttribute('href'), link.getAttribute('title'), link.hasAttribute('target')]).toEqual([
      'https://example.org/',
      't',
      false,
    ]);
    expect(body.querySelector('span')!.getAttribute('style')).toBe('font-weight:700');
    expect(body.querySelector('code[data-language="ts"]')).not.toBeNull();
    expect(body.querySelector('ol')!.getAttribute('start')).toBe('3');
    const checkbox = body.querySelector('input')!;
    expect([checkbox.type, checkbox.hasAttribute('checked')]).toEqual(['checkbox', true]);
    expect(body.querySelector('li.task-list-item')).not.toBeNull();
    expect(body.querySelector('td')!.getAttribute('colspan')).toBe('2');
  });

  it('keeps the text that follows an unclosed <math> or <svg> (which holds it)', () => {
    for (const open of ['<math><mtext>', '<svg><foreignObject>']) {
      const body = parseClipboardHtml(`<p>before</p>${open}<p>after <b>bold</b></p><img src=x onerror="${RUN}">`);
      expect(body.textContent).toBe('beforeafter bold');
      expect(body.querySelector('b')?.closest('math, svg')).toBeNull();
      expect(markupOf(body).tags).not.toContain('img');
    }
  });

  it('parses an empty clipboard as an empty body', () => {
    expect(parseClipboardHtml('').childNodes).toHaveLength(0);
  });
});

describe('withoutBaseElements', () => {
  it('turns every <base> start tag into an inert <wbr>, whatever its case or spacing', () => {
    expect(withoutBaseElements('<meta charset="utf-8"><BASE href="https://evil.example/"><p>x</p>')).toBe(
      '<meta charset="utf-8"><wbr href="https://evil.example/"><p>x</p>',
    );
    expect(withoutBaseElements('<base\nhref=x><base/><base>')).toBe('<wbr\nhref=x><wbr/><wbr>');
  });

  it('leaves other tags and text alone', () => {
    const html = '<p>a <basefont> <based> base &lt;base href=x&gt;</p>';
    expect(withoutBaseElements(html)).toBe(html);
  });

  it('leaves no <base> element when the result is parsed', () => {
    for (const html of ['<base href=//evil.example>', '<head><Base\thref="x"></head>', '<svg><base href=x></svg>']) {
      const parsed = new DOMParser().parseFromString(withoutBaseElements(html), 'text/html');
      expect(parsed.querySelector('base')).toBeNull();
    }
  });
});

describe('clipboardHtmlToImport', () => {
  const editor = createEditor({ namespace: 'notes', nodes: EDITOR_NODES });
  const clipboard = (data: Record<string, string>) => ({
    types: Object.keys(data),
    getData: (type: string) => data[type] ?? '',
  });
  const own = JSON.stringify({ namespace: 'notes', nodes: [] });

  it("is the clipboard's HTML, unless it has none", () => {
    expect(clipboardHtmlToImport(clipboard({ 'text/html': '<b>x</b>', 'text/plain': 'x' }), editor)).toBe('<b>x</b>');
    expect(clipboardHtmlToImport(clipboard({ 'text/plain': 'x' }), editor)).toBeNull();
    expect(clipboardHtmlToImport(clipboard({ 'text/html': '' }), editor)).toBeNull();
  });

  it("is null when the clipboard holds this editor's own nodes, which Lexical prefers", () => {
    const data = { 'application/x-lexical-editor': own, 'text/html': '<b>x</b>' };
    expect(clipboardHtmlToImport(clipboard(data), editor)).toBeNull();
  });

  it('is the HTML when the Lexical data is another editor’s, or not Lexical data at all', () => {
    for (const lexical of [JSON.stringify({ namespace: 'other', nodes: [] }), '{"namespace":"notes"}', 'not json']) {
      const data = { 'application/x-lexical-editor': lexical, 'text/html': '<b>x</b>' };
      expect(clipboardHtmlToImport(clipboard(data), editor)).toBe('<b>x</b>');
    }
  });
});
