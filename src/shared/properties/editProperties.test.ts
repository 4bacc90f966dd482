import { describe, expect, it } from 'vitest';
import { addProperty, PropertyEditError, removeProperty, renameProperty, setPropertyValue } from './editProperties';
import { readProperties, type Property } from './readProperties';

/** Front matters as Obsidian (and its users, by hand) write them. */
const OBSIDIAN = `---
title: "Action potentials"
aliases:
  - AP
  - spike
tags:
  - neuro/physiology
  - exam
# reviewed with the study group
created: 2024-03-05
updated: 2024-03-07T14:30
rating: 4
done: false
related: "[[Sodium channels]]"
source: 'Kandel, ch. 7'

cssclasses: [wide, "no-title"]
---
`;

function props(frontMatter: string): Property[] {
  const read = readProperties(frontMatter);
  if (read.status !== 'ok') throw new Error(`not ok: ${JSON.stringify(read)}`);
  return read.properties;
}

/** The lines of `before` and `after` that differ (as [before, after] pairs of whole texts around them). */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { removed: a.slice(start, endA), added: b.slice(start, endB) };
}

describe('readProperties', () => {
  it('types each key as Obsidian shows it', () => {
    const list = props(OBSIDIAN);
    expect(list.map((p) => [p.key, p.type, p.value, p.readOnly])).toEqual([
      ['title', 'text', 'Action potentials', null],
      ['aliases', 'aliases', ['AP', 'spike'], null],
      ['tags', 'tags', ['neuro/physiology', 'exam'], null],
      ['created', 'date', '2024-03-05', null],
      ['updated', 'datetime', '2024-03-07T14:30', null],
      ['rating', 'number', 4, null],
      ['done', 'checkbox', false, null],
      ['related', 'text', '[[Sodium channels]]', null],
      ['source', 'text', 'Kandel, ch. 7', null],
      ['cssclasses', 'list', ['wide', 'no-title'], null],
    ]);
  });

  it('reads tags in their string forms and empty values', () => {
    const list = props('---\ntags: biology, exam\ntag: one two\nalias: Cell\nempty:\n---\n');
    expect(list.map((p) => [p.key, p.type, p.value])).toEqual([
      ['tags', 'tags', ['biology', 'exam']],
      ['tag', 'tags', ['one', 'two']],
      ['alias', 'aliases', ['Cell']],
      ['empty', 'text', null],
    ]);
  });

  it.each([
    ['nested maps', 'author:\n  name: Ada\n  year: 1843', 'nested'],
    ['block scalars', 'summary: |\n  line one\n  line two', 'multi-line'],
    ['folded scalars', 'summary: >-\n  folded\n  text', 'multi-line'],
    ['anchors', 'a: &x value', 'anchor'],
    ['aliases', 'a: &x value\nb: *x', 'anchor'],
    ['mixed lists', 'mixed: [1, two, {three: 3}]', 'mixed'],
    ['lists of maps', 'people:\n  - name: A\n  - name: B', 'mixed'],
    ['type tags', 'n: !!str 12', 'type tag'],
  ])('shows %s read-only with a reason', (_name, yaml, reason) => {
    const list = props(`---\n${yaml}\n---\n`);
    const shown = list.find((p) => p.readOnly !== null)!;
    expect(shown.readOnly).toMatch(new RegExp(reason, 'i'));
    expect(shown.source).toContain(yaml.split('\n')[0]);
  });

  it('reports invalid YAML and a front matter that is not a map', () => {
    const invalid = readProperties('---\ntitle: [unclosed\nother: x\n---\n');
    expect(invalid.status).toBe('unreadable');
    expect(invalid.status === 'unreadable' && invalid.message).toMatch(/not valid YAML/);
    expect(readProperties('---\n- a\n- b\n---\n').status).toBe('unreadable');
    expect(readProperties('---\ndup: 1\ndup: 2\n---\n').status).toBe('unreadable');
    expect(readProperties('---\na: ' + '['.repeat(5000) + '\n---\n').status).toBe('unreadable');
    expect(readProperties('').status).toBe('none');
    expect(props('---\n---\n')).toEqual([]);
  });
});

describe('editing a property rewrites only its own lines', () => {
  it.each([
    ['title', 'text', 'Resting potential', ['title: "Action potentials"'], ['title: "Resting potential"']],
    ['source', 'text', "Purves' book", ["source: 'Kandel, ch. 7'"], ["source: 'Purves'' book'"]],
    ['rating', 'number', 5, ['rating: 4'], ['rating: 5']],
    ['done', 'checkbox', true, ['done: false'], ['done: true']],
    ['created', 'date', '2024-04-01', ['created: 2024-03-05'], ['created: 2024-04-01']],
    ['updated', 'datetime', '2024-04-01T09:00', ['updated: 2024-03-07T14:30'], ['updated: 2024-04-01T09:00']],
    [
      'related',
      'text',
      '[[Potassium channels]]',
      ['related: "[[Sodium channels]]"'],
      ['related: "[[Potassium channels]]"'],
    ],
    ['tags', 'tags', ['neuro/physiology', 'exam', 'week3'], [], ['  - week3']],
    ['aliases', 'aliases', ['spike'], ['  - AP'], []],
    [
      'cssclasses',
      'list',
      ['wide', 'no-title', 'x'],
      ['cssclasses: [wide, "no-title"]'],
      ['cssclasses: [wide, "no-title", x]'],
    ],
    ['title', 'text', '', ['title: "Action potentials"'], ['title:']],
  ] as const)('%s (%s)', (key, type, value, removed, added) => {
    const next = setPropertyValue(OBSIDIAN, key, type, value as never);
    expect(changedLines(OBSIDIAN, next)).toEqual({ removed, added });
    const after = props(next).find((p) => p.key === key)!;
    expect(after.value).toEqual(value === '' ? null : value);
  });

  it('quotes what a plain value would misread, and keeps plain what it would not', () => {
    const base = '---\na: x\n---\n';
    expect(setPropertyValue(base, 'a', 'text', 'yes: no')).toBe('---\na: "yes: no"\n---\n');
    expect(setPropertyValue(base, 'a', 'text', '[[Note]]')).toBe('---\na: "[[Note]]"\n---\n');
    expect(setPropertyValue(base, 'a', 'text', '#hash')).toBe('---\na: "#hash"\n---\n');
    expect(setPropertyValue(base, 'a', 'text', 'true')).toBe('---\na: "true"\n---\n');
    expect(setPropertyValue(base, 'a', 'text', '12')).toBe('---\na: "12"\n---\n');
    expect(setPropertyValue(base, 'a', 'text', 'Ünïcode ✓')).toBe('---\na: Ünïcode ✓\n---\n');
    expect(setPropertyValue(base, 'a', 'text', 'a "quote" and \\')).toBe('---\na: a "quote" and \\\n---\n');
    expect(setPropertyValue(base, 'a', 'list', ['x, y', 'z'])).toBe('---\na:\n  - x, y\n  - z\n---\n');
  });

  it('keeps CRLF line endings, comments and blank lines', () => {
    const crlf = OBSIDIAN.replace(/\n/g, '\r\n');
    const next = setPropertyValue(crlf, 'tags', 'tags', ['exam']);
    expect(next).toBe(crlf.replace('  - neuro/physiology\r\n', ''));
    const renamed = renameProperty(crlf, 'rating', 'stars');
    expect(renamed).toBe(crlf.replace('rating: 4', 'stars: 4'));
    const added = addProperty(crlf, 'week', 'number', 3);
    expect(added).toBe(crlf.replace('\r\n---\r\n', '\r\nweek: 3\r\n---\r\n'));
  });

  it('keeps the string form of tags and turns an empty value into a list', () => {
    expect(setPropertyValue('---\ntags: a, b\n---\n', 'tags', 'tags', ['a', 'b', 'c'])).toBe(
      '---\ntags: a, b, c\n---\n',
    );
    expect(setPropertyValue('---\ntags: a b\n---\n', 'tags', 'tags', ['b'])).toBe('---\ntags: b\n---\n');
    expect(setPropertyValue('---\ntags:\n---\n', 'tags', 'tags', ['x', 'y'])).toBe('---\ntags:\n  - x\n  - y\n---\n');
    expect(setPropertyValue('---\ntags:\n  - x\nz: 1\n---\n', 'tags', 'tags', [])).toBe('---\ntags: []\nz: 1\n---\n');
  });

  it('removes a key with its lines, and the block when it is left empty', () => {
    expect(changedLines(OBSIDIAN, removeProperty(OBSIDIAN, 'aliases'))).toEqual({
      removed: ['aliases:', '  - AP', '  - spike'],
      added: [],
    });
    expect(removeProperty('---\nonly: 1\n---\n', 'only')).toBe('');
  });

  it('adds a property, creating the block in a note without one', () => {
    expect(addProperty('', 'status', 'text', null, '\r\n')).toBe('---\r\nstatus:\r\n---\r\n');
    expect(addProperty('---\n---\n', 'done', 'checkbox')).toBe('---\ndone: false\n---\n');
    expect(addProperty(OBSIDIAN, 'due', 'date', '2024-05-01')).toBe(
      OBSIDIAN.replace(/---\n$/, 'due: 2024-05-01\n---\n'),
    );
    expect(() => addProperty(OBSIDIAN, 'title', 'text')).toThrow(PropertyEditError);
    expect(() => renameProperty(OBSIDIAN, 'title', 'tags')).toThrow(/already/);
  });

  it('renames a key to a name that needs quotes', () => {
    expect(renameProperty('---\na: 1\n---\n', 'a', 'b: c')).toBe('---\n"b: c": 1\n---\n');
    expect(renameProperty('---\na: 1 # note\n---\n', 'a', 'due date')).toBe('---\ndue date: 1 # note\n---\n');
  });

  it('refuses to edit what it shows read-only, and invalid YAML', () => {
    expect(() => setPropertyValue('---\na:\n  b: 1\n---\n', 'a', 'text', 'x')).toThrow(/cannot be edited/);
    expect(() => setPropertyValue('---\na: [\n---\n', 'a', 'text', 'x')).toThrow(PropertyEditError);
    expect(() => setPropertyValue('---\na: x\n---\n', 'a', 'text', 'two\nlines')).toThrow(PropertyEditError);
  });

  it('edits a list of numbers as a list: numbers stay numbers, untouched items keep their bytes', () => {
    const yaml = '---\nscores:\n  - 12\n  - 7.50\n  - "8"\nweeks: [1, 2]\n---\n';
    const [scores, weeks] = props(yaml);
    expect([scores!.type, scores!.value, scores!.readOnly]).toEqual(['list', ['12', '7.5', '8'], null]);
    expect([weeks!.type, weeks!.value]).toEqual(['list', ['1', '2']]);
    const added = setPropertyValue(yaml, 'scores', 'list', ['12', '7.5', '8', '9', 'n/a']);
    expect(added).toBe(yaml.replace('  - "8"\n', '  - "8"\n  - 9\n  - n/a\n'));
    expect(setPropertyValue(yaml, 'scores', 'list', ['12', '8'])).toBe(yaml.replace('  - 7.50\n', ''));
    expect(setPropertyValue(yaml, 'weeks', 'list', ['1', '2', '3'])).toBe(yaml.replace('[1, 2]', '[1, 2, 3]'));
  });

  it('leaves every other key byte for byte whatever it edits', () => {
    for (const property of props(OBSIDIAN)) {
      const next = removeProperty(OBSIDIAN, property.key);
      expect(next.length).toBe(OBSIDIAN.length - property.source.length);
      expect(OBSIDIAN.replace(property.source, '')).toBe(next);
    }
  });
});
