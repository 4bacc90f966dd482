/**
 * A formula as plain DOM, for inline math (MathInlineNode): the same markup MathView
 * renders, without React. A note can hold hundreds of inline formulas, and a React portal
 * per formula costs more than the formula (each portal's container gets React's event
 * listeners, and each one is re-rendered whenever any decorator of the note changes).
 * Typeset lazily: `typesetWhenVisible` fills the element once it comes near the viewport.
 */
import { whenVisible } from './lazyVisibility';
import { cachedMath, loadKatex, type MathResult, renderMath } from './renderMath';
import { showTypeset } from './typesetRoot';
import 'katex/dist/katex.min.css';
import './math.css';

/** The view of `tex` for `result` (null: not typeset yet, its source shown faintly). */
export function createMathElement(tex: string, display: boolean, result: MathResult | null): HTMLElement {
  const element = document.createElement('span');
  const className = `math ${display ? 'math--block' : 'math--inline'}`;
  const label = `Formula: ${tex}`;
  element.setAttribute('role', 'img');
  if (result && 'fragment' in result) {
    element.className = className;
    element.setAttribute('aria-label', label);
    showTypeset(element, result.fragment);
  } else if (result) {
    element.className = `${className} math--error`;
    element.setAttribute('aria-label', `${label} (error)`);
    const source = document.createElement('span');
    source.className = 'math__source';
    source.textContent = tex;
    const message = document.createElement('span');
    message.className = 'math__message';
    message.textContent = result.error;
    element.append(source, message);
  } else {
    element.className = `${className} math--pending`;
    element.setAttribute('aria-label', label);
    element.textContent = tex;
  }
  return element;
}

/** Fills `host` with the view of `tex`: typeset at once when it was before, else its source. */
export function showMath(host: HTMLElement, tex: string, display: boolean): void {
  host.replaceChildren(createMathElement(tex, display, cachedMath(tex, display)));
}

/**
 * Typesets the formula shown in `host` (see showMath) once `host` is near the viewport.
 * Returns a cleanup (stops waiting). Nothing to do when it is typeset already.
 */
export function typesetWhenVisible(host: HTMLElement, tex: string, display: boolean): () => void {
  if (!host.querySelector('.math--pending')) return () => undefined;
  let live = true;
  const stop = whenVisible(host, () => {
    void loadKatex().then((engine) => {
      if (live) host.replaceChildren(createMathElement(tex, display, renderMath(engine, tex, display)));
    });
  });
  return () => {
    live = false;
    stop();
  };
}
