import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { MAX_FRONT_MATTER_DEPTH, MAX_PARSED_FRONT_MATTER } from '../markdown/frontMatter';

/**
 * A note's front matter as the properties panel shows it, as Obsidian does: one property per
 * top-level key, each with a type that picks its editor. Shapes the panel cannot edit
 * without rewriting them (nested maps, block scalars, anchors, mixed lists) are listed
 * read-only with the reason, never dropped. Pure; the `yaml` package's document ranges
 * locate every key and value in the text so edits (editProperties.ts) touch only their key.
 */

/** How a property is shown and edited. */
export type PropertyType = 'text' | 'list' | 'number' | 'checkbox' | 'date' | 'datetime' | 'tags' | 'aliases';

export const PROPERTY_TYPES: readonly PropertyType[] = [
  'text',
  'list',
  'number',
  'checkbox',
  'date',
  'datetime',
  'tags',
  'aliases',
];

export type PropertyValue = string | number | boolean | string[] | null;

export interface Property {
  /** The key as the YAML reads it. */
  key: string;
  /** The editor to show; for a read-only property, what it would be closest to ('text'). */
  type: PropertyType;
  /** The value (strings for text, dates and datetimes; a list for list, tags and aliases). */
  value: PropertyValue;
  /** Why it cannot be edited here (shown beside it), or null. */
  readOnly: string | null;
  /** The key's lines as written (what a read-only property shows). */
  source: string;
}

export type FrontMatterProperties =
  /** The note has no front matter. */
  | { status: 'none' }
  | { status: 'ok'; properties: Property[] }
  /** The front matter is there but cannot be read as properties: shown as its source with `message`. */
  | { status: 'unreadable'; message: string; source: string };

/** Where the YAML sits in a front matter block (delimiters, BOM and line breaks around it). */
export interface FrontMatterLayout {
  /** Offset of the first YAML character (after the opening `---` line). */
  start: number;
  /** Offset of the closing delimiter line. */
  end: number;
  /** The line ending the block uses. */
  eol: string;
}

/** Locates the YAML between the delimiters of a front matter block (as splitFrontMatter returns it), or null. */
export function layoutOf(frontMatter: string): FrontMatterLayout | null {
  const open = /^\uFEFF?---[ \t]*(\r?\n)/.exec(frontMatter);
  if (!open) return null;
  const start = open[0].length;
  const eol = open[1]!;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = start;
  const match = close.exec(frontMatter);
  if (!match) return null;
  return { start, end: match.index, eol };
}

/** One top-level key with its parsed nodes and offsets (in the front matter block). */
export interface LocatedPair {
  property: Property;
  pair: Pair<Node, Node | null>;
  /** The key's first line start, and the end of its last line (line break included). */
  lineStart: number;
  lineEnd: number;
  /** Offsets of the key's source and its `:`. */
  keyStart: number;
  keyEnd: number;
  colon: number;
  /** The value's source `[valueStart, valueEnd)`; empty at the line end for an empty value. */
  valueStart: number;
  valueEnd: number;
}

export interface ParsedFrontMatter {
  layout: FrontMatterLayout;
  doc: Document.Parsed;
  pairs: LocatedPair[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** Reads a front matter block into properties. Never throws. */
export function readProperties(frontMatter: string): FrontMatterProperties {
  if (frontMatter === '') return { status: 'none' };
  const parsed = parseFrontMatter(frontMatter);
  if ('message' in parsed) return { status: 'unreadable', message: parsed.message, source: frontMatter };
  return { status: 'ok', properties: parsed.pairs.map((pair) => pair.property) };
}

/** The front matter parsed with every top-level key located, or why it cannot be. */
export function parseFrontMatter(frontMatter: string): ParsedFrontMatter | { message: string } {
  const layout = layoutOf(frontMatter);
  if (!layout) return { message: 'The front matter block is not closed.' };
  const yaml = frontMatter.slice(layout.start, layout.end);
  if (yaml.length > MAX_PARSED_FRONT_MATTER) return { message: 'The front matter is too large to edit here.' };
  if (bracketDepth(yaml)) {
    return { message: 'The front matter is nested too deeply to edit here.' };
  }
  let doc: Document.Parsed;
  try {
    doc = parseDocument(yaml, { logLevel: 'silent', prettyErrors: false, uniqueKeys: true });
  } catch {
    return { message: 'The front matter could not be read.' };
  }
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    return {
      message: `The front matter is not valid YAML${line ? ` (line ${line + 1})` : ''}: ${firstSentence(first.message)}. It is kept exactly as written.`,
    };
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return { layout, doc, pairs: [] };
  if (!isMap(contents) || contents.flow) {
    return { message: 'The front matter is not a list of properties (key: value lines). It is kept as written.' };
  }
  const pairs: LocatedPair[] = [];
  for (const pair of contents.items as Array<Pair<Node, Node | null>>) {
    const located = locate(frontMatter, layout, pair);
    if (!located) return { message: 'The front matter uses a layout the panel cannot edit. It is kept as written.' };
    pairs.push(located);
  }
  return { layout, doc, pairs };
}

function locate(text: string, layout: FrontMatterLayout, pair: Pair<Node, Node | null>): LocatedPair | null {
  const key = pair.key;
  if (!key?.range) return null;
  const base = layout.start;
  const keyStart = base + key.range[0];
  const keyEnd = base + key.range[1];
  const colon = text.indexOf(':', keyEnd);
  if (colon < 0 || colon >= layout.end || text.slice(keyEnd, colon).trim() !== '') return null;
  const value = pair.value;
  const valueStart = value?.range ? base + value.range[0] : colon + 1;
  const valueEnd = value?.range ? base + value.range[1] : colon + 1;
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  let lineEnd = valueEnd;
  if (lineEnd === 0 || text[lineEnd - 1] !== '\n') {
    const next = text.indexOf('\n', lineEnd);
    lineEnd = next < 0 || next >= layout.end ? layout.end : next + 1;
  }
  const name = isScalar(key) ? String(key.value ?? '') : text.slice(keyStart, keyEnd);
  const property = classify(name, key, value, text.slice(lineStart, lineEnd));
  return { property, pair, lineStart, lineEnd, keyStart, keyEnd, colon, valueStart, valueEnd };
}

function classify(name: string, key: Node, value: Node | null, source: string): Property {
  const base = { key: name, source };
  const readOnly = (reason: string): Property => ({ ...base, type: 'text', value: null, readOnly: reason });
  if (!isScalar(key) || key.anchor || key.tag || (key.type !== 'PLAIN' && typeof key.value !== 'string')) {
    return readOnly('Its name is not plain text.');
  }
  if (typeof key.value !== 'string' && typeof key.value !== 'number') return readOnly('Its name is not plain text.');
  const special = specialType(name);
  if (value === null || (isScalar(value) && value.value === null && !value.anchor && !value.tag)) {
    return { ...base, type: special ?? 'text', value: special ? [] : null, readOnly: null };
  }
  if (isAlias(value) || value.anchor) return readOnly('It uses a YAML anchor or alias.');
  if (value.tag) return readOnly(`It has a YAML type tag (${value.tag}).`);
  if (hasComments(value)) return readOnly('It has comments inside its value.');
  if (isMap(value)) return readOnly('It holds nested properties.');
  if (isSeq(value)) {
    const items: string[] = [];
    for (const item of value.items as unknown[]) {
      if (!isScalar(item) || item.anchor || item.tag || isBlockScalar(item)) {
        return readOnly('It is a list of mixed or nested values.');
      }
      // Numbers in a list are edited as their text and written back as numbers (editProperties).
      if (typeof item.value === 'number' && Number.isFinite(item.value)) items.push(String(item.value));
      else if (typeof item.value === 'string') items.push(item.value);
      else return readOnly('It is a list of mixed or nested values.');
    }
    return { ...base, type: special ?? 'list', value: items, readOnly: null };
  }
  if (!isScalar(value)) return readOnly('Its value has a shape the panel cannot edit.');
  if (isBlockScalar(value)) return readOnly('It is multi-line text.');
  const scalar = value.value;
  if (special === 'tags' && typeof scalar === 'string') {
    return { ...base, type: 'tags', value: splitTagString(scalar), readOnly: null };
  }
  if (special === 'aliases' && typeof scalar === 'string') {
    return { ...base, type: 'aliases', value: [scalar], readOnly: null };
  }
  if (typeof scalar === 'boolean') return { ...base, type: 'checkbox', value: scalar, readOnly: null };
  if (typeof scalar === 'number') {
    if (!Number.isFinite(scalar)) return readOnly('Its number has no plain form.');
    return { ...base, type: 'number', value: scalar, readOnly: null };
  }
  if (typeof scalar !== 'string') return readOnly('Its value has a type the panel cannot edit.');
  if (/[\r\n]/.test(scalar)) return readOnly('It is multi-line text.');
  const type = DATE.test(scalar) ? 'date' : DATETIME.test(scalar) ? 'datetime' : 'text';
  return { ...base, type, value: scalar, readOnly: null };
}

/** The type a key has by its name, as in Obsidian (`tags`, `aliases` and their singular forms). */
export function specialType(key: string): 'tags' | 'aliases' | null {
  const lower = key.toLowerCase();
  if (lower === 'tags' || lower === 'tag') return 'tags';
  if (lower === 'aliases' || lower === 'alias') return 'aliases';
  return null;
}

/** Tags from the string form `tags: a, b` or `tags: a b`. */
export function splitTagString(value: string): string[] {
  return value
    .split(/[,\s]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

function isBlockScalar(node: Scalar): boolean {
  return node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
}

function hasComments(node: Node): boolean {
  if (node.commentBefore) return true;
  if (isSeq(node) || isMap(node)) {
    if (node.comment) return true;
    for (const item of node.items as unknown[]) {
      if (isScalar(item) && (item.commentBefore || item.comment)) return true;
    }
  }
  return false;
}

/** True when flow brackets nest deeper than the parser may recurse (see MAX_FRONT_MATTER_DEPTH). */
function bracketDepth(yaml: string): boolean {
  let depth = 0;
  for (const char of yaml) {
    if (char === '[' || char === '{') {
      if (++depth > MAX_FRONT_MATTER_DEPTH) return true;
    } else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return false;
}

function firstSentence(message: string): string {
  return (message.split(/\n/)[0] ?? message).replace(/[.\s]+$/, '');
}
