import { ENTRY_ID_PATTERN, type EntrySection, type GlossaryEntry } from '@shared/domain/glossary';
import { parse, stringify } from 'yaml';

/** A glossary entry file that cannot be read. The message starts with the file name. */
export class MalformedEntryError extends Error {
  override readonly name = 'MalformedEntryError';

  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
  }
}

const FRONT_MATTER_KEYS = new Set(['id', 'title', 'editorialTitle', 'aliases', 'source']);
// Lines are split at \n only (as CommonMark does), so a heading may hold U+2028/U+2029,
// which `.` and a multiline `^` would treat as line ends.
const SECTION_HEADING = /^## ([^\n]*)$/;
// Any Markdown heading inside a paragraph would be read back as a new section (or shown as one).
const MARKDOWN_HEADING = /(?:^|\n)(#{1,6}(?:[ \t]|\n|$))/;

/**
 * Renders an entry as Markdown with YAML front matter, the format of `resources/glossary/entries/<id>.md`:
 *
 * ```
 * ---
 * id: gaba-glutamate-ratio
 * title: GABA Glutamate Ratio
 * aliases:
 *   - GABA/glutamate ratio
 * source: 000_1daa4b43b52795c7.txt
 * ---
 *
 * <definition>
 *
 * ## Origin
 *
 * <text>
 * ```
 *
 * Deterministic: keys always in this order, `editorialTitle: true` only for editorial titles,
 * `aliases` only when there are some, `\n` line endings, one trailing newline, no line folding.
 * `parseEntryFile(formatEntryFile(entry))` gives back an equal entry.
 *
 * @throws Error when the entry could not be read back as written: an invalid id, an empty or
 *   multi-line title, alias, source or heading, an empty or untrimmed definition or section
 *   text, or a text line that would read as a Markdown heading.
 */
export function formatEntryFile(entry: GlossaryEntry): string {
  checkFormattable(entry);
  const frontMatter: Record<string, unknown> = { id: entry.id, title: entry.title };
  if (entry.editorialTitle) frontMatter.editorialTitle = true;
  if (entry.aliases.length > 0) frontMatter.aliases = [...entry.aliases];
  frontMatter.source = entry.source;
  const body = [entry.definition, ...entry.sections.flatMap((section) => [`## ${section.heading}`, section.text])];
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body.join('\n\n')}\n`;
}

/**
 * Reads an entry file written by `formatEntryFile` (CRLF line endings are accepted too).
 *
 * @param fileName used in error messages only.
 * @throws MalformedEntryError naming `fileName` when the front matter is missing, is not valid
 *   YAML, has unknown keys or wrongly typed values, or an id that is not a lowercase slug; when
 *   the definition is empty; or when a section has no text.
 */
export function parseEntryFile(text: string, fileName: string): GlossaryEntry {
  // Typed as a declaration so TypeScript narrows after each `fail(...)` call.
  const fail: (problem: string) => never = (problem) => {
    throw new MalformedEntryError(fileName, problem);
  };
  const normalised = text.replace(/\r\n?/g, '\n');
  if (!normalised.startsWith('---\n')) fail('does not start with a "---" front matter block');
  const end = normalised.indexOf('\n---\n', 3);
  if (end === -1) fail('the front matter block is not closed by a "---" line');

  let data: unknown;
  try {
    data = parse(normalised.slice(4, end + 1), { uniqueKeys: true });
  } catch (error) {
    fail(`invalid YAML front matter: ${(error as Error).message.split('\n')[0]}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('the front matter is not a key/value map');
  const fields = data as Record<string, unknown>;
  const unknownKey = Object.keys(fields).find((key) => !FRONT_MATTER_KEYS.has(key));
  if (unknownKey !== undefined) fail(`unknown front matter key "${unknownKey}"`);

  const { id, title, editorialTitle = false, aliases = [], source } = fields;
  if (typeof id !== 'string' || !ENTRY_ID_PATTERN.test(id))
    fail('"id" must be a lowercase slug such as "gaba-glutamate-ratio"');
  if (!isNonEmptyLine(title)) fail('"title" must be a non-empty single-line string');
  if (typeof editorialTitle !== 'boolean') fail('"editorialTitle" must be true or false');
  if (!Array.isArray(aliases) || !aliases.every(isNonEmptyLine)) fail('"aliases" must be a list of non-empty strings');
  if (!isNonEmptyLine(source)) fail('"source" must be a non-empty single-line string');

  const { definition, sections } = parseBody(normalised.slice(end + 5), fail);
  return { id, title, aliases: [...aliases], source, editorialTitle, definition, sections };
}

function parseBody(body: string, fail: (problem: string) => never): { definition: string; sections: EntrySection[] } {
  const chunks: { heading: string | undefined; lines: string[] }[] = [{ heading: undefined, lines: [] }];
  for (const line of body.split('\n')) {
    const heading = SECTION_HEADING.exec(line);
    if (heading) chunks.push({ heading: (heading[1] ?? '').trim(), lines: [] });
    else chunks[chunks.length - 1]?.lines.push(line);
  }
  const [definitionChunk, ...sectionChunks] = chunks;
  const definition = definitionChunk?.lines.join('\n').trim() ?? '';
  if (definition === '') fail('the definition (the text before the first "##" heading) is empty');
  const sections = sectionChunks.map(({ heading, lines }) => {
    const text = lines.join('\n').trim();
    if (!heading) return fail('a "##" heading has no name');
    if (text === '') fail(`the "${heading}" section is empty`);
    return { heading, text };
  });
  return { definition, sections };
}

function checkFormattable(entry: GlossaryEntry): void {
  if (!ENTRY_ID_PATTERN.test(entry.id)) throw new Error(`the id "${entry.id}" is not a lowercase slug`);
  const lines: [string, string][] = [
    ['the title', entry.title],
    ['the source', entry.source],
    ...entry.aliases.map((alias): [string, string] => ['an alias', alias]),
    ...entry.sections.map((section): [string, string] => ['a section heading', section.heading]),
  ];
  for (const [what, value] of lines) {
    if (!isNonEmptyLine(value) || value !== value.trim()) {
      throw new Error(`${what} must be a non-empty single line without surrounding spaces: ${JSON.stringify(value)}`);
    }
  }
  const texts: [string, string][] = [
    ['the definition', entry.definition],
    ...entry.sections.map((section): [string, string] => [`the "${section.heading}" section`, section.text]),
  ];
  for (const [what, text] of texts) {
    if (text.trim() === '' || text !== text.trim()) throw new Error(`${what} is empty or has surrounding whitespace`);
    if (text.includes('\r')) throw new Error(`${what} contains a carriage return`);
    const heading = MARKDOWN_HEADING.exec(text);
    if (heading) {
      const at = heading.index + heading[0].length - (heading[1] ?? '').length;
      throw new Error(
        `${what} has a line that would read as a Markdown heading: ${JSON.stringify(text.slice(at, at + 40))}`,
      );
    }
  }
}

function isNonEmptyLine(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value);
}
