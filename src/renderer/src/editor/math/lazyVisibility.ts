/**
 * One IntersectionObserver for every formula: each renders when it comes near the
 * viewport, so a note with hundreds of formulas shows its first screen without typesetting
 * the rest.
 */
const callbacks = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | null = null;

function shared(): IntersectionObserver | null {
  if (typeof IntersectionObserver === 'undefined') return null;
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const callback = callbacks.get(entry.target);
        observer?.unobserve(entry.target);
        callbacks.delete(entry.target);
        callback?.();
      }
    },
    { rootMargin: '400px 0px' },
  );
  return observer;
}

/** Calls `onVisible` once `element` is near the viewport (at once without IntersectionObserver). Returns a cleanup. */
export function whenVisible(element: Element, onVisible: () => void): () => void {
  const io = shared();
  if (!io) {
    onVisible();
    return () => undefined;
  }
  callbacks.set(element, onVisible);
  io.observe(element);
  return () => {
    callbacks.delete(element);
    io.unobserve(element);
  };
}
