import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../e2e/fixtures/injectionPayloads';
import { readPropertyTypes, setPropertyTypeIn, valueAsType, valueFitsType } from './propertyTypes';

/** As Obsidian writes it. */
const OBSIDIAN = `{
  "types": {
    "aliases": "aliases",
    "cssclasses": "multitext",
    "tags": "tags",
    "lecture": "number"
  }
}`;

describe('readPropertyTypes', () => {
  it('reads Obsidian’s names into the panel’s types, leaving unknown names out', () => {
    const read = readPropertyTypes(OBSIDIAN.replace('"number"', '"number",\n    "odd": "someday"'));
    expect(read).toEqual({
      ok: true,
      types: { aliases: 'aliases', cssclasses: 'list', tags: 'tags', lecture: 'number' },
    });
    expect(readPropertyTypes(null)).toEqual({ ok: true, types: {} });
    expect(readPropertyTypes('{}')).toEqual({ ok: true, types: {} });
  });

  it('says why a file that does not parse, or is not {"types": {…}}, cannot be used', () => {
    for (const text of ['{"types": {', 'not json', '[]', '{"types": []}', '{"types": "x"}', '']) {
      const read = readPropertyTypes(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toMatch(/types\.json.*(not valid JSON|not \{"types")/);
    }
  });

  it('ignores types it does not know, whatever they hold', () => {
    const hostile = JSON.stringify({ types: Object.fromEntries(PAYLOADS.map((p, i) => [`k${i}`, p.markdown])) });
    expect(readPropertyTypes(hostile)).toEqual({ ok: true, types: {} });
  });

  it('keeps names such as __proto__ as plain keys', () => {
    const read = readPropertyTypes('{"types": {"__proto__": "number", "constructor": "checkbox"}}');
    expect(read.ok && Object.getPrototypeOf(read.types)).toBe(Object.prototype);
    expect(read.ok && Object.hasOwn(read.types, '__proto__')).toBe(true);
    expect(read.ok && read.types.constructor).toBe('checkbox');
  });
});

describe('setPropertyTypeIn', () => {
  it('changes only the key’s value, every other byte kept', () => {
    expect(setPropertyTypeIn(OBSIDIAN, 'lecture', 'text')).toBe(
      OBSIDIAN.replace('"lecture": "number"', '"lecture": "text"'),
    );
    expect(setPropertyTypeIn(OBSIDIAN, 'cssclasses', 'checkbox')).toBe(OBSIDIAN.replace('"multitext"', '"checkbox"'));
  });

  it('adds a new key at the end of types, indented like its neighbours, line endings kept', () => {
    expect(setPropertyTypeIn(OBSIDIAN, 'due', 'date')).toBe(
      OBSIDIAN.replace('"lecture": "number"', '"lecture": "number",\n    "due": "date"'),
    );
    const crlf = OBSIDIAN.replace(/\n/g, '\r\n');
    expect(setPropertyTypeIn(crlf, 'scores', 'list')).toBe(
      crlf.replace('"lecture": "number"', '"lecture": "number",\r\n    "scores": "multitext"'),
    );
    expect(setPropertyTypeIn('{"types":{"a":"text"}}', 'b', 'number')).toBe('{"types":{"a":"text","b":"number"}}');
    expect(setPropertyTypeIn('{"types": {}}', 'b', 'number')).toBe('{"types": {"b": "number"}}');
  });

  it('adds the types object to a file without it, and writes a new file as Obsidian does', () => {
    expect(setPropertyTypeIn('{\n  "other": 1\n}', 'n', 'number')).toBe(
      '{\n  "other": 1,\n  "types": {\n    "n": "number"\n  }\n}',
    );
    expect(setPropertyTypeIn(null, 'n', 'number')).toBe('{\n  "types": {\n    "n": "number"\n  }\n}');
    expect(JSON.parse(setPropertyTypeIn('{}', 'n', 'checkbox'))).toEqual({ types: { n: 'checkbox' } });
  });

  it('handles keys that need escaping, and odd keys, as JSON strings', () => {
    for (const payload of PAYLOADS.slice(0, 12)) {
      const next = setPropertyTypeIn(OBSIDIAN, payload.markdown, 'number');
      expect(JSON.parse(next).types[payload.markdown]).toBe('number');
      expect(next.startsWith(OBSIDIAN.slice(0, OBSIDIAN.lastIndexOf('"number"')))).toBe(true);
    }
    const text = '{"types": {"a\\"b": "text", "__proto__": "text"}}';
    expect(setPropertyTypeIn(text, 'a"b', 'date')).toBe('{"types": {"a\\"b": "date", "__proto__": "text"}}');
    expect(setPropertyTypeIn(text, '__proto__', 'number')).toBe('{"types": {"a\\"b": "text", "__proto__": "number"}}');
  });

  it('never rewrites a file that does not parse or is not {"types": {…}}', () => {
    for (const text of ['{"types": {', '{"types": []}', '[1]', 'null']) {
      expect(() => setPropertyTypeIn(text, 'n', 'number')).toThrow(/types\.json/);
    }
  });
});

describe('valueFitsType', () => {
  it('fits what the editor of the type can show without losing anything', () => {
    expect(valueFitsType('number', 12)).toBe(true);
    expect(valueFitsType('number', '12.5')).toBe(true);
    expect(valueFitsType('number', 'twelve')).toBe(false);
    expect(valueFitsType('checkbox', 'true')).toBe(true);
    expect(valueFitsType('checkbox', 'yes')).toBe(false);
    expect(valueFitsType('date', '2024-10-01')).toBe(true);
    expect(valueFitsType('date', '2024-10-01T09:30')).toBe(false);
    expect(valueFitsType('datetime', '2024-10-01T09:30')).toBe(true);
    expect(valueFitsType('list', 'one')).toBe(true);
    expect(valueFitsType('text', ['a', 'b'])).toBe(false);
    expect(valueFitsType('text', ['a'])).toBe(true);
    expect(valueFitsType('number', ['1', '2'])).toBe(false);
    for (const type of ['text', 'list', 'number', 'checkbox', 'date', 'datetime'] as const) {
      expect(valueFitsType(type, null)).toBe(true);
      expect(valueFitsType(type, [])).toBe(true);
    }
    expect(valueAsType('number', '12.5')).toBe(12.5);
    expect(valueAsType('list', 'one')).toEqual(['one']);
    expect(valueAsType('text', 4)).toBe('4');
    expect(valueAsType('checkbox', 'true')).toBe(true);
  });
});
