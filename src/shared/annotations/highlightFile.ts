import { parseDocument, stringify } from 'yaml';
import {
  MAX_FRONT_MATTER_DEPTH,
  MAX_PARSED_FRONT_MATTER,
  nestingDepth,
  splitFrontMatter,
} from '../markdown/frontMatter';
import { DEFAULT_COLOUR, HIGHLIGHT_COLOURS, type Highlight, type HighlightColour } from '../domain/highlights';

/**
 * Highlight files (issue #17): the highlights and margin notes a person made on one entry of
 * a read-only reference pack, kept in the vault as a Markdown file that reads well in
 * Obsidian and as plain text, and syncs with the notes. The format is described for people
 * in docs/highlight-files.md; in short:
 *
 *     ---
 *     entry: gaba
 *     pack: neuro-glossary
 *     title: GABA
 *     ---
 *     %% highlight
 *     id: "h-1"
 *     colour: yellow
 *     created: 2026-12-07T04:57:00.000Z
 *     updated: 2026-12-07T04:57:00.000Z
 *     start: 10
 *     end: 45
 *     prefix: "GABA (gamma-aminobutyric acid) is "
 *     suffix: " of the mature"
 *     %%
 *     > the chief inhibitory neurotransmitter
 *
 *     The margin note, as Markdown paragraphs.
 *
 * The machine part of each highlight is an Obsidian comment (hidden in reading view, muted in
 * the editor) holding YAML, and it comes first so that each highlight starts at a line of its
 * own that no passage or note can produce: everything up to the next `%% highlight` line is
 * that highlight's passage and note. The passage is the quote block, stored once: it is the
 * TextQuoteSelector's `exact`.
 */

/** The annotated entry, as it was when the file was last written. */
export interface HighlightedEntry {
  /** The entry's id in its pack. */
  id: string;
  /** The pack's id. */
  pack: string;
  /** The entry's title at the time (for people reading the file; the app goes by the ids). */
  title: string;
}

export interface HighlightFile {
  entry: HighlightedEntry;
  highlights: Highlight[];
  /** Front matter keys the app does not use (tags, aliases a person added), written back after its own. */
  frontMatterExtra: Record<string, unknown>;
  /** Text a person wrote between the front matter and the first highlight, written back there ('' if none). */
  preamble: string;
  /**
   * Highlight blocks the parser could not read (their machine part broken, no passage, an id
   * used twice), verbatim from their `%% highlight` line to the next: written back at the end
   * of the file so nothing a person wrote is lost, and reported in `warnings` by the parser.
   */
  unparsed: string[];
}

export type ParseResult = { model: HighlightFile; warnings: string[] } | { error: string };

const OPENER = /^%%[ \t]*highlight[ \t]*$/;
/** A body line that would read as an opener once one backslash is taken off. */
const ESCAPED_OPENER = /^\\+%%[ \t]*highlight[ \t]*$/;
const CLOSER = /^%%[ \t]*$/;
const QUOTE_LINE = /^>[ ]?([^]*)$/;
const ID = /^[A-Za-z0-9_-]{1,128}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** A machine part larger than this is not parsed (one is a few hundred characters). */
const MAX_MACHINE_PART = 16 * 1024;
const FRONT_MATTER_KEYS = new Set(['entry', 'pack', 'title']);
const MACHINE_KEYS = ['id', 'colour', 'created', 'updated', 'start', 'end', 'prefix', 'suffix'];

// ---------------------------------------------------------------------------------------------
// Writing

/** The file's text for `model`. Notes and the preamble are written as `normalizeText` gives them. */
export function serializeHighlightFile(model: HighlightFile): string {
  // The app's keys one by one: a value holding `[[` is written as an escaped double-quoted
  // string, else Obsidian would read a link in the front matter (a title like `[[x]]`).
  const own = (key: string, value: string) =>
    value.includes('[[') ? `${key}: ${quoteString(value)}\n` : stringify({ [key]: value }, { lineWidth: 0 });
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(model.frontMatterExtra)) {
    if (!FRONT_MATTER_KEYS.has(key)) extra[key] = value;
  }
  const parts: string[] = [
    '---\n',
    own('entry', model.entry.id),
    own('pack', model.entry.pack),
    own('title', model.entry.title),
    Object.keys(extra).length > 0 ? stringify(extra, { lineWidth: 0 }) : '',
    '---\n',
  ];
  const preamble = escapeBody(normalizeText(model.preamble));
  if (preamble !== '') parts.push(`${preamble}\n\n`);
  model.highlights.forEach((highlight, index) => {
    if (index > 0) parts.push('\n');
    parts.push(serializeHighlight(highlight));
  });
  for (const chunk of model.unparsed) {
    const text = normalizeText(chunk);
    if (text !== '') parts.push(`\n${text}\n`);
  }
  return parts.join('');
}

function serializeHighlight(highlight: Highlight): string {
  const { quote, position } = highlight.selectors;
  const lines = [
    '%% highlight',
    `id: ${quoteString(highlight.id)}`,
    `colour: ${highlight.colour}`,
    `created: ${quoteString(highlight.created)}`,
    `updated: ${quoteString(highlight.updated)}`,
    `start: ${position.start}`,
    `end: ${position.end}`,
    `prefix: ${quoteString(quote.prefix)}`,
    `suffix: ${quoteString(quote.suffix)}`,
    '%%',
    ...quote.exact.split('\n').map((line) => {
      const encoded = encodePassageLine(line);
      return encoded === '' ? '>' : `> ${encoded}`;
    }),
  ];
  const note = escapeBody(normalizeText(highlight.note ?? ''));
  if (note !== '') lines.push('', note);
  return `${lines.join('\n')}\n`;
}

/**
 * A string as a double-quoted scalar on one line: JSON's escapes are a subset of YAML's. `%%`
 * and `[[` are escaped too, so the string neither ends the Obsidian comment early nor makes a
 * link in the vault's link index. Timestamps and ids that need no quotes are written bare.
 */
function quoteString(value: string): string {
  if (/^[A-Za-z0-9_.:+-]+$/.test(value) && ISO_DATE.test(value)) return value;
  return JSON.stringify(value)
    .replace(/%(?=%)/g, '\\u0025')
    .replace(/\[(?=\[)/g, '\\u005b')
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/**
 * One line of a passage as written after `> `. The text is kept as it is, so the file reads
 * as the entry did, except for what would change it or give it a meaning in Markdown, which is
 * written as an HTML character reference (decoded by `decodePassageLine`, and shown as the
 * character by Obsidian):
 * - a carriage return, other control characters and unpaired surrogates (a file is UTF-8 text
 *   with line breaks of its own);
 * - spaces and tabs at the end of the line (editors strip them);
 * - `&` where it would start a character reference, `<` where it would start a tag or comment;
 * - the first `[` of `[[` and the first `%` of `%%` (a link or an Obsidian comment), and `#`
 *   where it would start a heading or a tag.
 */
export function encodePassageLine(line: string): string {
  let trailing = line.length;
  while (trailing > 0 && (line[trailing - 1] === ' ' || line[trailing - 1] === '\t')) trailing--;
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    const code = char.charCodeAt(0);
    const next = line[i + 1] ?? '';
    const ref = `&#${code};`;
    if (i >= trailing) out += ref;
    else if (code < 0x20 ? char !== '\t' : code === 0x7f) out += ref;
    else if (code >= 0xd800 && code <= 0xdbff && !isLowSurrogate(line.charCodeAt(i + 1))) out += ref;
    else if (code >= 0xdc00 && code <= 0xdfff && !isHighSurrogate(line.charCodeAt(i - 1))) out += ref;
    else if (char === '&' && /^&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(line.slice(i, i + 40))) out += '&amp;';
    else if (char === '<' && /[A-Za-z/!?]/.test(next)) out += '&lt;';
    else if ((char === '[' && next === '[') || (char === '%' && next === '%')) out += ref;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1] as string)) && next !== '' && !/\s/.test(next)) {
      out += ref;
    } else out += char;
  }
  return out;
}

/** The inverse of `encodePassageLine`: decodes `&amp;`, `&lt;` and decimal references `&#N;`. */
export function decodePassageLine(line: string): string {
  return line.replace(/&(?:#(\d{1,7})|amp|lt);/g, (whole, digits: string | undefined) => {
    if (digits === undefined) return whole === '&amp;' ? '&' : '<';
    const code = Number(digits);
    if (code > 0x10ffff) return whole;
    return code <= 0xffff ? String.fromCharCode(code) : String.fromCodePoint(code);
  });
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A note or preamble as the file keeps it: LF line breaks, no blank lines before or after.
 * The parser gives text in this form, so `parse(serialize(m))` equals `m` when `m`'s notes are.
 */
export function normalizeText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && (lines[0] as string).trim() === '') lines.shift();
  while (lines.length > 0 && (lines.at(-1) as string).trim() === '') lines.pop();
  return lines.join('\n');
}

/** A line of a note that reads `%% highlight` (or that with backslashes before) gets one more backslash. */
function escapeBody(text: string): string {
  return text
    .split('\n')
    .map((line) => (OPENER.test(line) || ESCAPED_OPENER.test(line) ? `\\${line}` : line))
    .join('\n');
}

function unescapeBody(lines: string[]): string {
  return lines.map((line) => (ESCAPED_OPENER.test(line) ? line.slice(1) : line)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Reading

/**
 * Reads a highlight file. Never throws. Gives an error (naming the line) only when the file
 * is not a highlight file at all: no front matter, front matter that is not YAML, or no entry
 * or pack id. Anything else a person may have done by hand is tolerated: a highlight block
 * that cannot be read is kept verbatim in `unparsed` and reported in `warnings`.
 */
export function parseHighlightFile(text: string): ParseResult {
  try {
    return parse(typeof text === 'string' ? text : '');
  } catch (error) {
    // Not expected: every step checks its input. Still, a file must never crash the app.
    return { error: `line 1: this highlight file could not be read (${String(error)}).` };
  }
}

function parse(text: string): ParseResult {
  const { frontMatter, body } = splitFrontMatter(text);
  if (frontMatter === '') {
    return { error: 'line 1: a highlight file starts with front matter (a `---` line, the entry, a `---` line).' };
  }
  const head = readFrontMatter(frontMatter);
  if ('error' in head) return head;
  const warnings = [...head.warnings];
  const bodyFirstLine = frontMatter.split(/\r\n|\n|\r/).length;
  const lines = body.split(/\r\n|\n|\r/);

  // Split the body at its `%% highlight` lines.
  const blockStarts: number[] = [];
  lines.forEach((line, index) => {
    if (OPENER.test(line)) blockStarts.push(index);
  });
  const preambleEnd = blockStarts[0] ?? lines.length;
  const model: HighlightFile = {
    entry: head.entry,
    highlights: [],
    frontMatterExtra: head.extra,
    preamble: normalizeText(unescapeBody(lines.slice(0, preambleEnd))),
    unparsed: [],
  };
  const ids = new Set<string>();
  blockStarts.forEach((start, index) => {
    const block = lines.slice(start, blockStarts[index + 1] ?? lines.length);
    const lineNumber = bodyFirstLine + start;
    const read = readHighlight(block, lineNumber);
    if ('problem' in read || ids.has(read.highlight.id)) {
      const problem =
        'problem' in read ? read.problem : `the id "${read.highlight.id}" is used by an earlier highlight`;
      warnings.push(`line ${lineNumber}: highlight not read, kept as it is: ${problem}.`);
      model.unparsed.push(normalizeText(block.join('\n')));
      return;
    }
    ids.add(read.highlight.id);
    warnings.push(...read.warnings);
    model.highlights.push(read.highlight);
  });
  return { model, warnings };
}

type FrontMatterRead =
  { entry: HighlightedEntry; extra: Record<string, unknown>; warnings: string[] } | { error: string };

function readFrontMatter(frontMatter: string): FrontMatterRead {
  const lines = frontMatter.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.shift();
  if (lines.at(-1) === '') lines.pop();
  lines.pop();
  const yaml = lines.join('\n');
  if (yaml.length > MAX_PARSED_FRONT_MATTER || nestingDepth(yaml) > MAX_FRONT_MATTER_DEPTH) {
    return { error: 'line 2: the front matter is too large or too deeply nested to read.' };
  }
  const doc = parseDocument(yaml, { logLevel: 'silent', prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = 2 + (yamlError.linePos?.[0].line ?? 1) - 1;
    return { error: `line ${line}: the front matter is not valid YAML (${firstLine(yamlError.message)}).` };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { error: 'line 2: the front matter must be a list of `key: value` lines (entry, pack, title).' };
  }
  const fields = data as Record<string, unknown>;
  const id = scalarString(fields.entry);
  const pack = scalarString(fields.pack);
  if (id === null || id === '')
    return { error: `line ${keyLine(lines, 'entry')}: the front matter has no entry id (entry: …).` };
  if (pack === null || pack === '')
    return { error: `line ${keyLine(lines, 'pack')}: the front matter has no pack id (pack: …).` };
  const warnings: string[] = [];
  let title = scalarString(fields.title);
  if (title === null) {
    warnings.push(`line ${keyLine(lines, 'title')}: the front matter has no entry title (title: …).`);
    title = '';
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (!FRONT_MATTER_KEYS.has(key)) extra[key] = value;
  return { entry: { id, pack, title }, extra, warnings };
}

/** The file line of a top-level key in the front matter's YAML lines, or of the front matter's end. */
function keyLine(yamlLines: string[], key: string): number {
  const index = yamlLines.findIndex((line) => line.startsWith(`${key}:`));
  return 2 + (index < 0 ? yamlLines.length : index);
}

function scalarString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function firstLine(message: string): string {
  return message.split('\n')[0] as string;
}

type HighlightRead = { highlight: Highlight; warnings: string[] } | { problem: string };

/** One block, from its `%% highlight` line to the line before the next one. */
function readHighlight(block: string[], firstLineNumber: number): HighlightRead {
  const closer = block.findIndex((line, index) => index > 0 && CLOSER.test(line));
  if (closer < 0) return { problem: 'its comment has no closing `%%` line' };
  const yaml = block.slice(1, closer).join('\n');
  if (yaml.length > MAX_MACHINE_PART || nestingDepth(yaml) > MAX_FRONT_MATTER_DEPTH) {
    return { problem: 'its comment is too large or too deeply nested to read' };
  }
  const doc = parseDocument(yaml, { logLevel: 'silent', prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const at = firstLineNumber + (yamlError.linePos?.[0].line ?? 1);
    return { problem: `its comment is not valid YAML at line ${at} (${firstLine(yamlError.message)})` };
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      problem: 'its comment must hold `key: value` lines (id, colour, created, updated, start, end, prefix, suffix)',
    };
  }
  const fields = data as Record<string, unknown>;
  const warnings: string[] = [];
  const id = scalarString(fields.id);
  if (id === null || !ID.test(id)) return { problem: 'its id is missing or not made of letters, digits, - and _' };
  const start = fields.start;
  const end = fields.end;
  if (!(
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(end) &&
    (start as number) >= 0 &&
    (start as number) <= (end as number)
  )) {
    return { problem: 'its start and end must be whole numbers, start no greater than end' };
  }
  const created = typeof fields.created === 'string' ? fields.created : null;
  const updated = typeof fields.updated === 'string' ? fields.updated : null;
  if (created === null || !ISO_DATE.test(created) || updated === null || !ISO_DATE.test(updated)) {
    return { problem: 'its created and updated dates must be ISO 8601 (2026-12-07T04:57:00.000Z)' };
  }
  let colour = DEFAULT_COLOUR;
  if ((HIGHLIGHT_COLOURS as readonly unknown[]).includes(fields.colour)) colour = fields.colour as HighlightColour;
  else {
    warnings.push(
      `line ${firstLineNumber}: highlight ${id} has colour ${JSON.stringify(fields.colour ?? null)}, ` +
        `not one of ${HIGHLIGHT_COLOURS.join(', ')}: shown ${DEFAULT_COLOUR}.`,
    );
  }
  const prefix = fields.prefix ?? '';
  const suffix = fields.suffix ?? '';
  if (typeof prefix !== 'string' || typeof suffix !== 'string')
    return { problem: 'its prefix and suffix must be text' };
  const unknown = Object.keys(fields).filter((key) => !MACHINE_KEYS.includes(key));
  if (unknown.length > 0) {
    warnings.push(
      `line ${firstLineNumber}: highlight ${id} has keys the app does not use, not kept: ${unknown.join(', ')}.`,
    );
  }

  // The passage: the quote lines after the comment (blank lines before it are tolerated).
  let index = closer + 1;
  while (index < block.length && (block[index] as string).trim() === '') index++;
  const passage: string[] = [];
  for (; index < block.length; index++) {
    const match = QUOTE_LINE.exec(block[index] as string);
    if (!match) break;
    passage.push(decodePassageLine(match[1] as string));
  }
  if (passage.length === 0) return { problem: 'it has no passage (a quote block of `> ` lines under its comment)' };
  const note = normalizeText(unescapeBody(block.slice(index)));
  const highlight: Highlight = {
    id,
    colour,
    created,
    updated,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: passage.join('\n'), prefix, suffix },
      position: { type: 'TextPositionSelector', start: start as number, end: end as number },
    },
  };
  if (note !== '') highlight.note = note;
  return { highlight, warnings };
}
