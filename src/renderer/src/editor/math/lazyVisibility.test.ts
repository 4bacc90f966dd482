import { afterAll, describe, expect, it, vi } from 'vitest';
import { whenVisible } from './lazyVisibility';

/** A stand-in for the browser's observer: the test says what intersects. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  constructor(private readonly callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  show(target: Element) {
    this.callback([{ target, isIntersecting: true }]);
  }
}

vi.stubGlobal('IntersectionObserver', FakeObserver);
afterAll(() => vi.unstubAllGlobals());

describe('whenVisible', () => {
  it('observes the top-level block of an editor once for all it holds, and calls each when it comes near', () => {
    const make = (tag: string, id: string, ...children: Element[]) => {
      const made = document.createElement(tag);
      made.id = id;
      made.append(...children);
      return made;
    };
    const root = make(
      'div',
      'root',
      make('p', 'one', make('span', 'a'), make('span', 'b')),
      make('p', 'two', make('span', 'c')),
    );
    root.setAttribute('data-lexical-editor', 'true');
    document.body.replaceChildren(root, make('span', 'outside'));
    const element = (id: string) => document.getElementById(id)!;
    const shown: string[] = [];
    const stops = ['a', 'b', 'c', 'outside'].map((id) => whenVisible(element(id), () => shown.push(id)));
    const observer = FakeObserver.last!;
    expect([...observer.observed].map((target) => target.id)).toEqual(['one', 'two', 'outside']);

    observer.show(element('one'));
    expect(shown).toEqual(['a', 'b']);
    expect(observer.observed.has(element('one'))).toBe(false);

    // A wait stopped before the block comes near is not called; the last one stopped ends the observation.
    const again = whenVisible(element('c'), () => shown.push('c again'));
    stops[2]!();
    expect(observer.observed.has(element('two'))).toBe(true);
    again();
    expect(observer.observed.has(element('two'))).toBe(false);
    observer.show(element('outside'));
    expect(shown).toEqual(['a', 'b', 'outside']);
    stops.forEach((stop) => stop());
    expect(observer.observed.size).toBe(0);
  });
});
