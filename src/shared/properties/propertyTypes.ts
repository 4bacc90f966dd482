/**
 * Obsidian's property types: `.obsidian/types.json`, `{"types": {"key": "number", …}}`,
 * which says which editor each property name gets in every note of the vault. Read to pick
 * the panel's editors; written when the user changes a property's type, touching only that
 * key's entry (every other byte stays as written). A file that does not parse, or is not
 * that shape, is never rewritten. Pure (no file access): the backend reads and writes it.
 */
import type { PropertyType, PropertyValue } from './readProperties';

/** The types Obsidian writes in types.json, by the panel's type. */
const OBSIDIAN_NAMES: Record<PropertyType, string> = {
  text: 'text',
  list: 'multitext',
  number: 'number',
  checkbox: 'checkbox',
  date: 'date',
  datetime: 'datetime',
  tags: 'tags',
  aliases: 'aliases',
};

/** The types a user can pick from a property's type menu, in Obsidian's order. */
export const CHOOSABLE_TYPES: readonly PropertyType[] = ['text', 'list', 'number', 'checkbox', 'date', 'datetime'];

/** The panel's type for a type named in types.json, or null for a name it does not know. */
export function panelTypeOf(name: unknown): PropertyType | null {
  if (typeof name !== 'string') return null;
  for (const [type, obsidian] of Object.entries(OBSIDIAN_NAMES)) if (obsidian === name) return type as PropertyType;
  return null;
}

/** The name types.json uses for a panel type (`list` → `multitext`). */
export function obsidianTypeName(type: PropertyType): string {
  return OBSIDIAN_NAMES[type];
}

export type PropertyTypesRead =
  | { ok: true; types: Record<string, PropertyType> }
  /** The file is there but cannot be used: why, in words for the user. */
  | { ok: false; message: string };

const UNREADABLE = 'Obsidian’s property types (.obsidian/types.json) could not be read';

/** Reads types.json's text (null: there is none). Names it does not know are left out. Never throws. */
export function readPropertyTypes(text: string | null): PropertyTypesRead {
  if (text === null) return { ok: true, types: {} };
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch {
    return { ok: false, message: `${UNREADABLE}: it is not valid JSON. It is kept as it is; types are not saved.` };
  }
  const types = isObject(data) ? (data.types ?? {}) : null;
  if (!isObject(types)) {
    return { ok: false, message: `${UNREADABLE}: it is not {"types": {…}}. It is kept as it is; types are not saved.` };
  }
  const result: Record<string, PropertyType> = Object.create(null) as Record<string, PropertyType>;
  for (const [key, name] of Object.entries(types)) {
    const type = panelTypeOf(name);
    if (type) result[key] = type;
  }
  return { ok: true, types: { ...result } };
}

/** Why types.json cannot take a change. */
export class PropertyTypesError extends Error {
  override readonly name = 'PropertyTypesError';
}

/**
 * types.json's text with `key` set to `type`: only that entry's value changes (or one entry
 * is added at the end of `types`, indented like its neighbours); every other byte stays.
 * `text` null: a new file. The result is parsed back and must hold the old data with only
 * that change.
 * @throws PropertyTypesError when `text` does not parse or is not `{"types": {…}}`.
 */
export function setPropertyTypeIn(text: string | null, key: string, type: PropertyType): string {
  const value = JSON.stringify(obsidianTypeName(type));
  if (text === null || text.trim() === '') {
    return `{\n  "types": {\n    ${JSON.stringify(key)}: ${value}\n  }\n}`;
  }
  const read = readPropertyTypes(text);
  if (!read.ok) throw new PropertyTypesError(read.message);
  const before = JSON.parse(stripBom(text)) as Record<string, unknown>;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const root = scanValue(text, skipSpace(text, bomLength(text)));
  if (root.kind !== 'object') throw new PropertyTypesError(`${UNREADABLE}.`);
  const typesMember = lastMember(root, 'types');
  let next: string;
  if (!typesMember) {
    const indent = indentOf(text, root, 1);
    next = insertMember(
      text,
      root,
      '"types"',
      `{${eol}${indent}  ${JSON.stringify(key)}: ${value}${eol}${indent}}`,
      eol,
    );
  } else {
    const types = typesMember.value;
    if (types.kind !== 'object') throw new PropertyTypesError(`${UNREADABLE}.`);
    const member = lastMember(types, key);
    next = member
      ? text.slice(0, member.value.start) + value + text.slice(member.value.end)
      : insertMember(text, types, JSON.stringify(key), value, eol);
  }
  const after = JSON.parse(stripBom(next)) as Record<string, unknown>;
  const expected = {
    ...before,
    types: { ...(before.types as Record<string, unknown> | undefined), [key]: obsidianTypeName(type) },
  };
  if (!sameJson(after, expected)) throw new PropertyTypesError('The property type could not be saved safely.');
  return next;
}

/** A JSON value located in the text (objects with their members, in order). */
interface Located {
  kind: 'object' | 'other';
  start: number;
  end: number;
  members: Member[];
}

interface Member {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: Located;
}

/** The last member named `key` (JSON.parse keeps the last of duplicate keys). */
function lastMember(object: Located, key: string): Member | undefined {
  for (let index = object.members.length - 1; index >= 0; index--) {
    if (object.members[index]!.key === key) return object.members[index];
  }
  return undefined;
}

/** Adds the member `key: value` (both JSON) as the last member of `object`, laid out like the others. */
function insertMember(text: string, object: Located, key: string, value: string, eol: string): string {
  const close = object.end - 1;
  const last = object.members[object.members.length - 1];
  const colon = last ? text.slice(last.keyEnd, last.value.start) : ': ';
  const member = `${key}${colon}${value}`;
  if (!last) {
    const inner = text.slice(object.start + 1, close);
    if (inner.includes('\n')) {
      const outer = lineIndent(text, object.start);
      return `${text.slice(0, object.start + 1)}${eol}${outer}  ${member}${eol}${outer}${text.slice(close)}`;
    }
    return `${text.slice(0, object.start + 1)}${member}${text.slice(close)}`;
  }
  const gap = text.slice(skipBack(text, last.keyStart), last.keyStart);
  return `${text.slice(0, last.value.end)},${gap}${member}${text.slice(last.value.end)}`;
}

/** The indentation of members `depth` levels inside `object` (two spaces a level when it has none). */
function indentOf(text: string, object: Located, depth: number): string {
  const first = object.members[0];
  if (first) return text.slice(text.lastIndexOf('\n', first.keyStart) + 1, first.keyStart).replace(/\S.*$/, '');
  return '  '.repeat(depth);
}

function lineIndent(text: string, at: number): string {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** Where the whitespace before `at` begins (back to the previous `{` or `,`). */
function skipBack(text: string, at: number): number {
  let index = at;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return index;
}

function skipSpace(text: string, at: number): number {
  let index = at;
  while (index < text.length && /\s/.test(text[index]!)) index++;
  return index;
}

/** Locates the JSON value at `at` (the text is known to parse). */
function scanValue(text: string, at: number): Located {
  const char = text[at];
  if (char === '{') {
    const members: Located['members'] = [];
    let index = skipSpace(text, at + 1);
    if (text[index] === '}') return { kind: 'object', start: at, end: index + 1, members };
    for (;;) {
      const keyStart = index;
      const keyEnd = stringEnd(text, index);
      const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
      index = skipSpace(text, keyEnd);
      index = skipSpace(text, index + 1); // past ':'
      const value = scanValue(text, index);
      members.push({ key, keyStart, keyEnd, value });
      index = skipSpace(text, value.end);
      if (text[index] === '}') return { kind: 'object', start: at, end: index + 1, members };
      index = skipSpace(text, index + 1); // past ','
    }
  }
  if (char === '[') {
    let index = skipSpace(text, at + 1);
    if (text[index] === ']') return { kind: 'other', start: at, end: index + 1, members: [] };
    for (;;) {
      const value = scanValue(text, index);
      index = skipSpace(text, value.end);
      if (text[index] === ']') return { kind: 'other', start: at, end: index + 1, members: [] };
      index = skipSpace(text, index + 1);
    }
  }
  if (char === '"') return { kind: 'other', start: at, end: stringEnd(text, at), members: [] };
  let end = at;
  while (end < text.length && /[-+0-9.eEa-z]/.test(text[end]!)) end++;
  return { kind: 'other', start: at, end, members: [] };
}

/** The end of the JSON string starting at `at` (its closing quote included). */
function stringEnd(text: string, at: number): number {
  let index = at + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index++;
  }
  return index;
}

function bomLength(text: string): number {
  return text.startsWith('\uFEFF') ? 1 : 0;
}

function stripBom(text: string): string {
  return text.slice(bomLength(text));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameJson(a: unknown, b: unknown): boolean {
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson(a[key], b[key]));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  return a === b;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/**
 * Whether `value` can be shown and edited as `type` without losing anything: an empty value
 * fits every type; text takes any single value; a list any list, or one value (its one item);
 * numbers, checkboxes and dates take their own values and text that reads as one (`"12"`,
 * `"true"`, `"2024-10-01"`). A value that does not fit stays as written and keeps its own editor.
 */
export function valueFitsType(type: PropertyType, value: PropertyValue): boolean {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return true;
  switch (type) {
    case 'text':
      return !Array.isArray(value) || value.length === 1;
    case 'list':
    case 'tags':
    case 'aliases':
      return Array.isArray(value) || typeof value === 'string';
    case 'number':
      return (
        typeof value === 'number' ||
        (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value.trim())))
      );
    case 'checkbox':
      return typeof value === 'boolean' || value === 'true' || value === 'false';
    case 'date':
      return typeof value === 'string' && DATE.test(value);
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value);
  }
}

/** `value` as the editor of `type` shows it (call only when it fits: see valueFitsType). */
export function valueAsType(type: PropertyType, value: PropertyValue): PropertyValue {
  switch (type) {
    case 'text':
      return Array.isArray(value) ? (value[0] ?? null) : value === null ? null : String(value);
    case 'list':
    case 'tags':
    case 'aliases':
      return Array.isArray(value) ? value : value === null || value === '' ? [] : [String(value)];
    case 'number':
      return value === null || value === '' || Array.isArray(value) ? null : Number(value);
    case 'checkbox':
      return value === true || value === 'true';
    case 'date':
    case 'datetime':
      return typeof value === 'string' ? value : null;
  }
}
