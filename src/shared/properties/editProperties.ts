import { isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import {
  layoutOf,
  parseFrontMatter,
  type LocatedPair,
  splitTagString,
  type ParsedFrontMatter,
  type PropertyType,
  type PropertyValue,
} from './readProperties';

/**
 * Edits of a note's front matter that rewrite only the edited key: every other byte (other
 * keys, comments, blank lines, quoting, order, line endings) stays as written. Each edit is
 * checked by parsing the result: it must read back as the old properties with just this
 * change, else it is refused (PropertyEditError) and nothing changes.
 *
 * Values are written as Obsidian writes them: plain where YAML reads them back the same,
 * else in the quotes the value had (double quotes for a new value); lists as `  - item`
 * lines (a flow list `[a, b]` stays a flow list; the string form of `tags: a, b` stays a string).
 */

export class PropertyEditError extends Error {
  override readonly name = 'PropertyEditError';
}

type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** Sets `key`'s value; `type` says how to read `value` (an empty text, date or number is written empty). */
export function setPropertyValue(frontMatter: string, key: string, type: PropertyType, value: PropertyValue): string {
  const parsed = parseOrThrow(frontMatter);
  const pair = findPair(parsed, key);
  const wanted = normalizeValue(type, value);
  const next = Array.isArray(wanted)
    ? writeList(frontMatter, parsed, pair, wanted)
    : writeScalar(frontMatter, parsed, pair, wanted);
  return checked(parsed, next, (keys) => keys, key, sameValue(wanted, type));
}

/** Renames `from` to `to` in place (its value and position stay). */
export function renameProperty(frontMatter: string, from: string, to: string): string {
  const name = to.trim();
  if (name === '') throw new PropertyEditError('A property needs a name.');
  if (name === from) return frontMatter;
  const parsed = parseOrThrow(frontMatter);
  const pair = findPair(parsed, from);
  if (parsed.pairs.some((other) => other.property.key === name)) {
    throw new PropertyEditError(`There is a property “${name}” already.`);
  }
  const next = frontMatter.slice(0, pair.keyStart) + formatKey(name) + frontMatter.slice(pair.keyEnd);
  return checked(
    parsed,
    next,
    (keys) => keys.map((k) => (k === from ? name : k)),
    null,
    () => true,
    (k) => (k === name ? from : k),
  );
}

/**
 * Removes `key` and its lines. When nothing but blank lines is left, the whole front matter
 * goes (an empty string).
 */
export function removeProperty(frontMatter: string, key: string): string {
  const parsed = parseOrThrow(frontMatter);
  const pair = findPair(parsed, key);
  const next = frontMatter.slice(0, pair.lineStart) + frontMatter.slice(pair.lineEnd);
  const layout = layoutOf(next);
  if (layout && next.slice(layout.start, layout.end).trim() === '') return '';
  return checked(
    parsed,
    next,
    (keys) => keys.filter((k) => k !== key),
    null,
    () => true,
  );
}

/**
 * Adds `key` at the end (empty, or `false` for a checkbox, unless `value` is given). A note
 * without front matter gets a block (`eol`: the note's line ending).
 */
export function addProperty(
  frontMatter: string,
  key: string,
  type: PropertyType,
  value: PropertyValue = null,
  eol = '\n',
): string {
  const name = key.trim();
  if (name === '') throw new PropertyEditError('A property needs a name.');
  const block = frontMatter === '' ? `---${eol}---${eol}` : frontMatter;
  const parsed = parseOrThrow(block);
  if (parsed.pairs.some((pair) => pair.property.key === name)) {
    throw new PropertyEditError(`There is a property “${name}” already.`);
  }
  const lineEnd = parsed.layout.eol;
  const wanted = value === null && type === 'checkbox' ? false : normalizeValue(type, value);
  let line = `${formatKey(name)}:`;
  if (Array.isArray(wanted)) {
    line +=
      wanted.length === 0 ? '' : wanted.map((item) => `${lineEnd}  - ${formatScalar(item, 'PLAIN', 'block')}`).join('');
  } else if (wanted !== null) {
    line += ` ${formatScalar(wanted, 'PLAIN', 'block')}`;
  }
  const at = parsed.layout.end;
  const next = block.slice(0, at) + line + lineEnd + block.slice(at);
  return checked(parsed, next, (keys) => [...keys, name], name, sameValue(wanted, type));
}

/** The value as it is written: '' and null are empty; lists keep their non-empty items. */
function normalizeValue(type: PropertyType, value: PropertyValue): PropertyValue {
  switch (type) {
    case 'list':
    case 'tags':
    case 'aliases': {
      const items = Array.isArray(value) ? value : value === null || value === '' ? [] : [String(value)];
      return items.map((item) => item.trim()).filter((item) => item !== '');
    }
    case 'checkbox':
      return value === true || value === 'true';
    case 'number': {
      if (value === null || value === '') return null;
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(number)) throw new PropertyEditError('Not a number.');
      return number;
    }
    default: {
      const text = value === null ? '' : Array.isArray(value) ? value.join(', ') : String(value);
      if (/[\r\n]/.test(text)) throw new PropertyEditError('A text property is one line.');
      return text === '' ? null : text;
    }
  }
}

function writeScalar(
  text: string,
  parsed: ParsedFrontMatter,
  pair: LocatedPair,
  wanted: string | number | boolean | null,
): string {
  const value = pair.pair.value;
  const tagsString = pair.property.type === 'tags' && isScalar(value) && typeof value.value === 'string';
  if (value !== null && isScalar(value) && !isSeq(value) && !tagsString) {
    if (wanted === null) return text.slice(0, pair.colon + 1) + text.slice(pair.valueEnd);
    const written = formatScalar(wanted, styleOf(value), 'block');
    const space = pair.valueStart === pair.colon + 1 ? ' ' : '';
    return text.slice(0, pair.valueStart) + space + written + text.slice(pair.valueEnd);
  }
  // Another shape (a list) becomes a scalar: the value's whole region is rewritten.
  const written = wanted === null ? '' : ` ${formatScalar(wanted, 'PLAIN', 'block')}`;
  return replaceRegion(text, parsed, pair, written);
}

function writeList(text: string, parsed: ParsedFrontMatter, pair: LocatedPair, items: string[]): string {
  const value = pair.pair.value;
  const eol = parsed.layout.eol;
  const reuse = reusableSources(text, parsed, pair);
  if (value !== null && isSeq(value) && value.flow) {
    const written = `[${items.map((item) => reuse(item, 'flow')).join(', ')}]`;
    return text.slice(0, pair.valueStart) + written + text.slice(pair.valueEnd);
  }
  if (value !== null && isSeq(value) && value.items.length > 0) {
    if (items.length === 0) return replaceRegion(text, parsed, pair, ' []');
    const first = pair.valueStart;
    const firstLine = text.lastIndexOf('\n', first - 1) + 1;
    const indent = text.slice(firstLine, first);
    const lines = items.map((item) => `${/^[ \t]*$/.test(indent) ? indent : '  '}- ${reuse(item, 'block')}${eol}`);
    const end = text[pair.valueEnd - 1] === '\n' ? pair.valueEnd : lineEndAfter(text, parsed, pair.valueEnd);
    return text.slice(0, firstLine) + lines.join('') + text.slice(end);
  }
  if (value !== null && isScalar(value) && typeof value.value === 'string') {
    // `tags: a, b` (the string form) stays a string; `alias: X` stays one while it holds one name.
    if (pair.property.type === 'tags') {
      const separator = value.value.includes(',') ? ', ' : ' ';
      const joined = items.join(separator);
      if (items.every((item) => !/[,\s]/.test(item))) {
        if (joined === '') return text.slice(0, pair.colon + 1) + text.slice(pair.valueEnd);
        return (
          text.slice(0, pair.valueStart) + formatScalar(joined, styleOf(value), 'block') + text.slice(pair.valueEnd)
        );
      }
    } else if (items.length === 1) {
      return (
        text.slice(0, pair.valueStart) + formatScalar(items[0]!, styleOf(value), 'block') + text.slice(pair.valueEnd)
      );
    }
  }
  if (items.length === 0) return replaceRegion(text, parsed, pair, '');
  const written = items.map((item) => `${eol}  - ${formatScalar(item, 'PLAIN', 'block')}`).join('');
  return replaceRegion(text, parsed, pair, written);
}

/**
 * Replaces everything after the key's `:` through its value with `written` (which holds no
 * final line break): the value's lines, and for a block list the lines of its items.
 */
function replaceRegion(text: string, parsed: ParsedFrontMatter, pair: LocatedPair, written: string): string {
  const value = pair.pair.value;
  const block = value !== null && isSeq(value) && !value.flow && value.items.length > 0;
  if (!block) return text.slice(0, pair.colon + 1) + written + text.slice(pair.valueEnd);
  const end = text[pair.valueEnd - 1] === '\n' ? pair.valueEnd : lineEndAfter(text, parsed, pair.valueEnd);
  const eol = text.slice(0, end).endsWith('\r\n') ? '\r\n' : parsed.layout.eol;
  return text.slice(0, pair.colon + 1) + written + eol + text.slice(end);
}

function lineEndAfter(text: string, parsed: ParsedFrontMatter, offset: number): number {
  const next = text.indexOf('\n', offset);
  return next < 0 || next >= parsed.layout.end ? parsed.layout.end : next + 1;
}

/** Writes an item as it was written when the list had it already (its quoting kept), else plainly. */
function reusableSources(
  text: string,
  parsed: ParsedFrontMatter,
  pair: LocatedPair,
): (item: string, context: 'block' | 'flow') => string {
  const sources = new Map<string, string[]>();
  const value = pair.pair.value;
  let numbers = false;
  if (value !== null && isSeq(value)) {
    for (const item of value.items) {
      if (!isScalar(item) || !item.range) continue;
      if (typeof item.value === 'number') numbers = true;
      else if (typeof item.value !== 'string') continue;
      const source = text.slice(parsed.layout.start + item.range[0], parsed.layout.start + item.range[1]);
      if (/[\r\n]/.test(source)) continue;
      const key = String(item.value);
      const list = sources.get(key) ?? [];
      list.push(source);
      sources.set(key, list);
    }
  }
  return (item, context) => {
    const known = sources.get(item)?.shift();
    if (known !== undefined) return known;
    // In a list of numbers, a new item that is a number is written as one (`- 3`, not `- "3"`).
    if (numbers && NUMBER_ITEM.test(item) && Number.isFinite(Number(item))) {
      return formatScalar(Number(item), 'PLAIN', context);
    }
    return formatScalar(item, 'PLAIN', context);
  };
}

/** A list item typed as a plain decimal number (what YAML and Obsidian read as a number). */
const NUMBER_ITEM = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

function styleOf(node: Scalar): ScalarStyle {
  return node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? node.type : 'PLAIN';
}

/** A scalar's YAML source in the given style when it reads back the same, else double-quoted. */
export function formatScalar(value: string | number | boolean, style: ScalarStyle, context: 'block' | 'flow'): string {
  if (typeof value !== 'string') {
    const written = String(value);
    if (readsBack(written, value, context)) return written;
    throw new PropertyEditError('This value cannot be written.');
  }
  const candidates: string[] = [];
  if (style === 'QUOTE_SINGLE') candidates.push(`'${value.replace(/'/g, "''")}'`);
  if (style === 'PLAIN' && value !== '' && value.trim() === value) candidates.push(value);
  candidates.push(JSON.stringify(value), asciiQuoted(value));
  for (const candidate of candidates) if (readsBack(candidate, value, context)) return candidate;
  throw new PropertyEditError('This value cannot be written.');
}

function formatKey(name: string): string {
  if (/^[^\s#'"&*!|>%@`[\]{},?:-][^\r\n]*$/.test(name) && name.trim() === name) {
    const doc = parseDocument(`${name}: x`, { logLevel: 'silent' });
    const contents = doc.contents;
    if (doc.errors.length === 0 && isMap(contents) && contents.items.length === 1) {
      const key = contents.items[0]!.key;
      if (isScalar(key) && key.value === name) return name;
    }
  }
  return formatScalar(name, 'QUOTE_DOUBLE', 'block');
}

function asciiQuoted(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function readsBack(source: string, value: string | number | boolean, context: 'block' | 'flow'): boolean {
  if (/[\r\n]/.test(source)) return false;
  const doc = parseDocument(context === 'flow' ? `k: [${source}]` : `k: ${source}`, { logLevel: 'silent' });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return false;
  const pairs = doc.contents.items;
  if (pairs.length !== 1) return false;
  let node = pairs[0]!.value as unknown;
  if (context === 'flow') {
    if (!isSeq(node) || node.items.length !== 1) return false;
    node = node.items[0];
  }
  return isScalar(node) && !node.tag && node.value === value;
}

function parseOrThrow(frontMatter: string): ParsedFrontMatter {
  const parsed = parseFrontMatter(frontMatter);
  if ('message' in parsed) throw new PropertyEditError(parsed.message);
  return parsed;
}

function findPair(parsed: ParsedFrontMatter, key: string): LocatedPair {
  const pair = parsed.pairs.find((candidate) => candidate.property.key === key);
  if (!pair) throw new PropertyEditError(`There is no property “${key}”.`);
  if (pair.property.readOnly) throw new PropertyEditError(`“${key}” cannot be edited here: ${pair.property.readOnly}`);
  return pair;
}

/**
 * `next` if it reads back as the old data with only the intended change: the keys in
 * `keys` order (named as before by `oldKeyOf`), each unchanged but `edited`, whose value
 * `matches` must accept. Else a PropertyEditError, and nothing is written.
 */
function checked(
  parsed: ParsedFrontMatter,
  next: string,
  keys: (before: string[]) => string[],
  edited: string | null,
  matches: (value: unknown) => boolean,
  oldKeyOf: (key: string) => string = (key) => key,
): string {
  const fail = () => new PropertyEditError('This change could not be written safely.');
  const before = asRecord(parsed.doc.toJS({ maxAliasCount: 100 }));
  const reread = parseFrontMatter(next);
  if ('message' in reread) throw fail();
  const after = asRecord(reread.doc.toJS({ maxAliasCount: 100 }));
  if (JSON.stringify(Object.keys(after)) !== JSON.stringify(keys(Object.keys(before)))) throw fail();
  for (const [key, value] of Object.entries(after)) {
    if (key === edited) {
      if (!matches(value)) throw fail();
    } else if (JSON.stringify(value) !== JSON.stringify(before[oldKeyOf(key)])) throw fail();
  }
  return next;
}

function asRecord(data: unknown): Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Whether a value read back is what was written for `wanted` (an empty list may read as empty). */
function sameValue(wanted: PropertyValue, type: PropertyType): (value: unknown) => boolean {
  return (value) => {
    if (Array.isArray(wanted)) {
      const items = Array.isArray(value)
        ? value.map((item) => (typeof item === 'number' ? String(item) : item))
        : value === null
          ? []
          : typeof value === 'string'
            ? type === 'tags'
              ? splitTagString(value)
              : [value]
            : null;
      return items !== null && JSON.stringify(items) === JSON.stringify(wanted);
    }
    return value === wanted;
  };
}
