import { parseDocument } from 'yaml';

/**
 * YAML front matter: the block a Markdown file may open with, between a `---` line and a
 * closing `---` (or `...`) line, as Obsidian, Jekyll and Hugo write it. The app reads a few
 * keys from it (aliases, tags) and otherwise keeps it byte for byte.
 */

export interface SplitFrontMatter {
  /**
   * The verbatim leading block, from the opening `---` through the closing delimiter line
   * and its line break (if any); '' when the text has no front matter.
   */
  frontMatter: string;
  /** Everything after it. `frontMatter + body` is always the original text. */
  body: string;
}

// The opening line is exactly `---` (trailing spaces tolerated), then either the closing
// delimiter right away (empty front matter) or content lines up to a line that is exactly
// `---` or `...`. The closing line's break is optional so a file that ends there still counts.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:[^]*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/**
 * Splits a note's text into its leading front matter block and the body after it.
 * A text that starts with `---` but never closes the block has no front matter (the
 * `---` is then a thematic break or just text). A byte order mark before the opening
 * delimiter is kept in the front matter so nothing is lost. Never throws.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const match = FRONT_MATTER.exec(bom ? text.slice(1) : text);
  if (!match) return { frontMatter: '', body: text };
  const frontMatter = bom + match[0];
  return { frontMatter, body: text.slice(frontMatter.length) };
}

export interface FrontMatterFields {
  /** Other names of the note, from `aliases` or `alias` (a list or a single string). */
  aliases: string[];
  /** Tags without '#', from `tags` or `tag` (a list, or a string separated by commas or spaces). */
  tags: string[];
}

/**
 * Reads the keys the app uses from a front matter block (as returned by splitFrontMatter,
 * delimiters included, or the bare YAML). Unknown keys are ignored; YAML that does not
 * parse, or values of unexpected types, give empty lists. Never throws.
 */
export function readFrontMatterFields(frontMatter: string): FrontMatterFields {
  const empty: FrontMatterFields = { aliases: [], tags: [] };
  if (frontMatter.trim() === '') return empty;
  const yaml = yamlToParse(yamlOf(frontMatter));
  if (yaml === null || nestingDepth(yaml) > MAX_FRONT_MATTER_DEPTH) return empty;
  let data: unknown;
  try {
    const doc = parseDocument(yaml, { logLevel: 'silent', prettyErrors: false });
    if (doc.errors.length > 0) return empty;
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    return empty;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return empty;
  const fields = data as Record<string, unknown>;
  return {
    aliases: unique(listOf(fields.aliases ?? fields.alias, (s) => [s])),
    tags: unique(listOf(fields.tags ?? fields.tag, (s) => s.split(/[,\s]+/)).map((t) => t.replace(/^#+/, ''))).filter(
      (t) => t !== '',
    ),
  };
}

/**
 * Front matter above this many characters is not parsed whole. Parsing YAML costs about a
 * third of a millisecond per kilobyte, and every note is read at each start (its summary,
 * the link index, the search index): a note with megabytes of front matter (a sync tool's
 * log, a pasted data dump) would stall the app for seconds.
 */
export const MAX_PARSED_FRONT_MATTER = 64 * 1024;

const READ_KEY = /^(?:aliases|alias|tags|tag)[ \t]*:/;

/**
 * The YAML to parse for the keys the app reads: all of it when small; for larger front
 * matter, only the top-level `aliases`, `alias`, `tags` and `tag` entries (each with the
 * indented or `- ` lines that continue it); null when even those are too large.
 */
function yamlToParse(yaml: string): string | null {
  if (yaml.length <= MAX_PARSED_FRONT_MATTER) return yaml;
  const kept: string[] = [];
  let keeping = false;
  let size = 0;
  for (const line of yaml.split(/\r?\n/)) {
    // A line at the left margin that is not a comment or a sequence item starts a new key.
    if (/^[^\s#-]/.test(line)) keeping = READ_KEY.test(line);
    if (!keeping) continue;
    size += line.length + 1;
    if (size > MAX_PARSED_FRONT_MATTER) return null;
    kept.push(line);
  }
  return kept.join('\n');
}

/**
 * Front matter nested deeper than this is not parsed. The YAML parser recurses once per
 * level, and a note holding `aliases: [[[[…` fifty thousand deep exhausted the stack; V8
 * then aborted the whole process (a fatal error, not an exception) when it next compiled
 * a regular expression. Real front matter is a few levels deep.
 */
export const MAX_FRONT_MATTER_DEPTH = 32;

/**
 * An upper bound on how deeply `yaml` nests: block levels (indentation, and `- `/`? `
 * entries that open a level on the same line) and flow levels (`[` and `{` not yet
 * closed; brackets inside quoted strings count too, which can only overestimate).
 */
export function nestingDepth(yaml: string): number {
  let deepest = 0;
  let flow = 0;
  const indents: number[] = [];
  for (const line of yaml.split(/\r?\n/)) {
    const lead = /^( *)((?:[-?][ \t]+)*)/.exec(line) as RegExpExecArray;
    const rest = line.slice(lead[0].length);
    if (flow === 0 && rest !== '' && !rest.startsWith('#')) {
      const indent = (lead[1] as string).length;
      while (indents.length > 0 && (indents.at(-1) as number) >= indent) indents.pop();
      indents.push(indent);
    }
    const compact = ((lead[2] as string).match(/[-?]/g) ?? []).length;
    for (const char of rest) {
      if (char === '[' || char === '{') deepest = Math.max(deepest, indents.length + compact + ++flow);
      else if ((char === ']' || char === '}') && flow > 0) flow--;
    }
    deepest = Math.max(deepest, indents.length + compact + flow);
  }
  return deepest;
}

/** The YAML between the delimiters, or the text itself when it carries no delimiters. */
function yamlOf(frontMatter: string): string {
  const text = frontMatter.replace(/^\uFEFF/, '');
  if (!/^---[ \t]*\r?\n/.test(text)) return text;
  const lines = text.split(/\r?\n/);
  lines.shift();
  if (lines.at(-1) === '') lines.pop();
  if (/^(?:---|\.\.\.)[ \t]*$/.test(lines.at(-1) ?? '')) lines.pop();
  return lines.join('\n');
}

/** Strings from a YAML value: a list of scalars, or one string split by `split`. */
function listOf(value: unknown, split: (s: string) => string[]): string[] {
  const items: unknown[] = Array.isArray(value) ? value : value == null ? [] : [value];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push(...(Array.isArray(value) ? [item] : split(item)));
    else if (typeof item === 'number' || typeof item === 'boolean') out.push(String(item));
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
