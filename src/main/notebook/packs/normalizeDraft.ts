import type { EntrySection } from '@shared/domain/glossary';
import type { ImportProblem } from '@shared/domain/packs';
import type { DraftEntry, ParsedSource } from './DraftEntry';

/** Longest title kept; longer "terms" are almost always a misread column. */
export const MAX_TITLE_LENGTH = 300;
/** Longest definition or section kept (characters): a sentence or a page, not a book. */
export const MAX_TEXT_LENGTH = 200_000;
const MAX_ALIAS_LENGTH = 300;
const MAX_HEADING_LENGTH = 200;

// C0 controls other than tab and line feed, DEL, and C1 controls: never meaningful in an entry.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** One line: inner whitespace collapsed, ends trimmed, controls removed. */
export function cleanLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * Text of a definition or section: line endings made `\n`, controls removed, spaces at line
 * ends and runs of blank lines reduced (paragraphs stay separated by one blank line).
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Checks and tidies an entry read from a source, the same way for every format.
 *
 * @returns the entry ready to store, or the reason it is left out: no term, a term over
 *   several lines or too long, no definition, a text too long.
 */
export function normalizeDraft(draft: DraftEntry): DraftEntry | { reason: string } {
  if (/[\r\n]/.test(draft.title.trim())) return { reason: 'the term spans several lines' };
  const title = cleanLine(draft.title);
  if (title === '') return { reason: 'no term' };
  if (title.length > MAX_TITLE_LENGTH) return { reason: `the term is longer than ${MAX_TITLE_LENGTH} characters` };
  const definition = cleanText(draft.definition);
  const sections: EntrySection[] = [];
  for (const section of draft.sections) {
    const heading = cleanLine(section.heading).slice(0, MAX_HEADING_LENGTH);
    const text = cleanText(section.text);
    if (heading !== '' && text !== '') sections.push({ heading, text });
  }
  if (definition === '') return { reason: `no definition for “${excerpt(title)}”` };
  for (const text of [definition, ...sections.map((s) => s.text)]) {
    if (text.length > MAX_TEXT_LENGTH) return { reason: `a text is longer than ${MAX_TEXT_LENGTH} characters` };
  }
  const seen = new Set([title.toLowerCase()]);
  const aliases: string[] = [];
  for (const raw of draft.aliases) {
    const alias = cleanLine(raw);
    if (alias === '' || alias.length > MAX_ALIAS_LENGTH || seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    aliases.push(alias);
  }
  const tags = [...new Set(draft.tags.map((tag) => cleanLine(tag).replace(/^#/, '')).filter(Boolean))];
  return { ...draft, title, definition, sections, aliases, tags };
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The entries of a parsed source that will be stored (see normalizeDraft), and every row
 * left out, the reader's and the normalizer's together, in source order (by file, then line).
 */
export function prepareEntries(parsed: ParsedSource): { drafts: DraftEntry[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [...parsed.problems];
  const drafts: DraftEntry[] = [];
  for (const draft of parsed.entries) {
    const result = normalizeDraft(draft);
    if ('reason' in result) problems.push({ ...draft.at, reason: result.reason });
    else drafts.push(result);
  }
  problems.sort((a, b) => compareOptional(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { drafts, problems };
}

function compareOptional(a: string | undefined, b: string | undefined): number {
  return a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;
}
