/**
 * One IntersectionObserver for every formula and embed: each renders when it comes near the
 * viewport, so a note with hundreds of formulas shows its first screen without typesetting
 * the rest.
 *
 * What is observed is the editor's top-level block holding the element (a paragraph with
 * three formulas is one target, not three), or the element itself outside an editor. The
 * browser computes every target's intersection after each layout, so each keystroke in a
 * note full of formulas paid for every formula still waiting; and a block out of view is
 * skipped by the browser (`content-visibility`), while its own box is always laid out.
 */
const waiting = new Map<Element, Set<() => void>>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callbacks = waiting.get(entry.target);
        observer?.unobserve(entry.target);
        waiting.delete(entry.target);
        callbacks?.forEach((callback) => callback());
      }
    },
    { rootMargin: '400px 0px' },
  );
  return observer;
}

/** The element observed for `element`: its top-level block in an editor, else itself. */
function targetOf(element: Element): Element {
  return element.closest('[data-lexical-editor] > *') ?? element;
}

/** Calls `onVisible` once `element` is near the viewport (at once without IntersectionObserver). Returns a cleanup. */
export function whenVisible(element: Element, onVisible: () => void): () => void {
  const io = shared();
  if (!io) {
    onVisible();
    return () => undefined;
  }
  const target = targetOf(element);
  // A callback of its own, so the same function waiting twice is two waits.
  const callback = () => onVisible();
  let callbacks = waiting.get(target);
  if (!callbacks) {
    waiting.set(target, (callbacks = new Set()));
    io.observe(target);
  }
  callbacks.add(callback);
  return () => {
    const current = waiting.get(target);
    if (!current?.delete(callback) || current.size > 0) return;
    waiting.delete(target);
    io.unobserve(target);
  };
}
