import { describe, expect, it } from 'vitest';
import * as v from './validate';

describe('validators', () => {
  it('string enforces type, length, control characters and pattern', () => {
    const name = v.string({ min: 1, max: 5, pattern: /^[a-z]+$/, patternName: 'lowercase letters' });
    expect(name('abc', 'x')).toBe('abc');
    expect(() => name(3, 'x')).toThrow('x: expected a string, got a number');
    expect(() => name('', 'x')).toThrow('x: must not be empty');
    expect(() => name('abcdef', 'x')).toThrow('at most 5');
    expect(() => name('ab\u0000', 'x')).toThrow('control characters');
    expect(() => name('AB', 'x')).toThrow('must be lowercase letters');
  });

  it('object refuses unknown keys, non-plain objects and reports nested paths', () => {
    const shape = v.object({ a: v.integer(0, 9), b: v.optional(v.boolean()) });
    expect(shape({ a: 1 }, 'args')).toEqual({ a: 1 });
    expect(shape({ a: 1, b: true }, 'args')).toEqual({ a: 1, b: true });
    expect(() => shape({ a: 1, c: 2 }, 'args')).toThrow('args.c: is not a known field');
    expect(() => shape({ a: 10 }, 'args')).toThrow('args.a: must be between 0 and 9');
    expect(() => shape([], 'args')).toThrow('expected an object, got an array');
    expect(() => shape(new Date(), 'args')).toThrow('expected an object');
    expect(() => shape(JSON.parse('{"__proto__": {"a": 1}, "a": 1}'), 'args')).toThrow('__proto__');
  });

  it('none accepts only an absent or empty argument', () => {
    const none = v.none();
    expect(none(undefined, 'args')).toBeUndefined();
    expect(none(null, 'args')).toBeUndefined();
    expect(none({}, 'args')).toBeUndefined();
    expect(() => none({ x: 1 }, 'args')).toThrow('takes no arguments');
    expect(() => none('x', 'args')).toThrow('takes no arguments');
  });

  it('array bounds its length and checks every item', () => {
    const list = v.array(v.string({ max: 3 }), 2);
    expect(list(['a', 'b'], 'l')).toEqual(['a', 'b']);
    expect(() => list(['a', 'b', 'c'], 'l')).toThrow('at most 2 items');
    expect(() => list(['a', 'long'], 'l')).toThrow('l[1]: must be at most 3');
  });

  it('tagged picks a variant by kind', () => {
    const ref = v.tagged({
      entry: v.object({ id: v.string({ max: 9 }) }),
      note: v.object({ path: v.string({ max: 9 }) }),
    });
    expect(ref({ kind: 'entry', id: 'x' }, 'r')).toEqual({ kind: 'entry', id: 'x' });
    expect(() => ref({ kind: 'file', id: 'x' }, 'r')).toThrow('r.kind: must be one of "entry", "note"');
    expect(() => ref({ kind: 'note', id: 'x' }, 'r')).toThrow('r.id: is not a known field');
  });

  it('number refuses NaN and infinities; literal refuses other strings', () => {
    expect(() => v.number(0, 1)(Number.NaN, 'n')).toThrow('finite');
    expect(() => v.number(0, 1)(Infinity, 'n')).toThrow('finite');
    expect(v.literal('a', 'b')('b', 'l')).toBe('b');
    expect(() => v.literal('a', 'b')('c', 'l')).toThrow('must be one of "a", "b"');
  });
});
