/// <reference types="vite/client" />
/**
 * The round-trip corpus's front matters as Obsidian writes them (fixtures 22, 23, 38 and
 * 58–60): editing any property rewrites only that key's lines, in LF and CRLF files alike.
 */
import { splitFrontMatter } from '@shared/markdown/frontMatter';
import { removeProperty, setPropertyValue } from '@shared/properties/editProperties';
import { readProperties, type Property, type PropertyValue } from '@shared/properties/readProperties';
import { describe, expect, it } from 'vitest';

const fixtures = import.meta.glob('../../editor/markdown/fixtures/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const WITH_PROPERTIES = Object.entries(fixtures)
  .map(([path, text]) => [path.replace(/^.*\//, ''), splitFrontMatter(text).frontMatter] as const)
  .filter(([, frontMatter]) => frontMatter !== '');

/** Another value of the same type. */
function changed(property: Property): PropertyValue {
  switch (property.type) {
    case 'number':
      return (property.value as number) + 1;
    case 'checkbox':
      return !property.value;
    case 'date':
      return '2030-01-02';
    case 'datetime':
      return '2030-01-02T03:04';
    case 'list':
    case 'tags':
    case 'aliases':
      return [...(property.value as string[]), 'added item'.replace(' ', property.type === 'tags' ? '-' : ' ')];
    default:
      return `${property.value ?? ''} (edited)`;
  }
}

describe('front matter fixtures', () => {
  it('includes the properties fixtures 58–60', () => {
    const names = WITH_PROPERTIES.map(([name]) => name);
    for (const prefix of ['58-', '59-', '60-']) expect(names.some((name) => name.startsWith(prefix))).toBe(true);
  });

  for (const [name, lf] of WITH_PROPERTIES) {
    for (const [ending, frontMatter] of [
      ['LF', lf],
      ['CRLF', lf.replace(/\n/g, '\r\n')],
    ] as const) {
      it(`${name} (${ending}): each edit and removal touches only its key`, () => {
        const read = readProperties(frontMatter);
        expect(read.status).toBe('ok');
        if (read.status !== 'ok') return;
        for (const property of read.properties) {
          const at = frontMatter.indexOf(property.source);
          const before = frontMatter.slice(0, at);
          const after = frontMatter.slice(at + property.source.length);
          if (property.readOnly) {
            expect(() => setPropertyValue(frontMatter, property.key, 'text', 'x')).toThrow();
            continue;
          }
          const value = changed(property);
          const edited = setPropertyValue(frontMatter, property.key, property.type, value);
          expect(edited.startsWith(before)).toBe(true);
          expect(edited.endsWith(after)).toBe(true);
          const middle = edited.slice(before.length, edited.length - after.length);
          if (ending === 'CRLF') expect(middle.replace(/\r\n/g, '')).not.toContain('\n');
          const reread = readProperties(edited);
          expect(reread.status === 'ok' && reread.properties.find((p) => p.key === property.key)?.value).toEqual(value);
          const removed = removeProperty(frontMatter, property.key);
          if (removed !== '') expect(removed).toBe(before + after);
        }
      });
    }
  }

  it('shows the shapes of fixture 60 read-only, each with its reason, and keeps them', () => {
    const [, frontMatter] = WITH_PROPERTIES.find(([name]) => name.startsWith('60-'))!;
    const read = readProperties(frontMatter);
    if (read.status !== 'ok') throw new Error(read.status);
    expect(read.properties.map((p) => [p.key, p.readOnly !== null])).toEqual([
      ['title', false],
      ['author', true],
      ['summary', true],
      ['defaults', true],
      ['copy', true],
      ['scores', true],
      ['status', false],
    ]);
    const edited = setPropertyValue(frontMatter, 'status', 'text', 'final');
    expect(edited).toBe(frontMatter.replace('status: draft', 'status: final'));
  });
});
