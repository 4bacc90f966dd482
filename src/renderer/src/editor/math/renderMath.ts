/**
 * TeX to HTML with KaTeX, safely: `trust: false` (no \href, \url, \includegraphics or
 * \htmlClass that could link, load or style), limits on macro expansion and sizes so a
 * formula cannot hold the app, and the output sanitized (DOMPurify) before it reaches
 * the page. KaTeX is loaded on the first formula, so notes without math never load it.
 */
import DOMPurify from 'dompurify';
import type KatexModule from 'katex';

/** A typeset formula (a sanitized fragment: clone it to use it) or the TeX error. */
export type MathResult = { readonly fragment: DocumentFragment } | { readonly error: string };

type Katex = typeof KatexModule;

let katexPromise: Promise<Katex> | null = null;

/** Loads KaTeX (once). */
export function loadKatex(): Promise<Katex> {
  katexPromise ??= import('katex').then((module) => module.default);
  return katexPromise;
}

/** The result for a formula rendered before, or null. */
export function cachedMath(tex: string, display: boolean): MathResult | null {
  return cache.get(`${display ? 'D' : 'I'}${tex}`) ?? null;
}

/** Macro expansions allowed per formula: enough for any real formula, not for a loop. */
export const MAX_EXPAND = 1000;
/** Largest size (in em) a formula may ask for (`\rule{…}`, `\kern`…). */
export const MAX_SIZE = 20;

const cache = new Map<string, MathResult>();
const CACHE_LIMIT = 2000;

/** The formula `tex` rendered (display or inline), or the TeX error to show in its place. */
export function renderMath(engine: Katex, tex: string, display: boolean): MathResult {
  const key = `${display ? 'D' : 'I'}${tex}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let result: MathResult;
  try {
    const html = engine.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: 'ignore',
      maxExpand: MAX_EXPAND,
      maxSize: MAX_SIZE,
      output: 'html',
    });
    // Parsed by DOMPurify into an inert fragment and sanitized there: no HTML string reaches the page.
    result = {
      fragment: DOMPurify.sanitize(html, {
        USE_PROFILES: { html: true, svg: true },
        FORBID_TAGS: ['a', 'style', 'img', 'image', 'use', 'foreignObject'],
        FORBID_ATTR: ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction'],
        RETURN_DOM_FRAGMENT: true,
      }),
    };
  } catch (error) {
    result = { error: error instanceof Error ? error.message : String(error) };
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

/** The TeX inside `$…$`, `$$…$$` (inline or a block's lines): the delimiters removed. */
export function texOf(source: string): { tex: string; display: boolean } {
  const trimmed = source.trim();
  if (trimmed.startsWith('$$')) {
    const end = trimmed.endsWith('$$') && trimmed.length >= 4 ? trimmed.length - 2 : trimmed.length;
    return { tex: trimmed.slice(2, end).trim(), display: true };
  }
  const end = trimmed.endsWith('$') && trimmed.length >= 2 ? trimmed.length - 1 : trimmed.length;
  return { tex: trimmed.slice(1, end), display: false };
}
