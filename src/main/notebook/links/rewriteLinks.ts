import { formatWikiLink } from '@shared/links/formatWikiLink';
import { normalizeName } from '@shared/links/normalizeLinkTarget';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import { blockAt, type NoteLink, type NoteModel } from '@shared/markdown/noteModel';
import { mentionExclusions, overlapsAny } from './findMentions';

/**
 * A vault path as a Markdown link destination writes it: spaces and the characters that
 * would end or change the destination percent-encoded (`New Note.md` → `New%20Note.md`),
 * as Obsidian writes them; between `<` and `>` spaces stay.
 */
export function encodeMarkdownPath(path: string, pointy: boolean): string {
  const unsafe = pointy ? /[%<>#\r\n\\]/g : /[\s%()<>#\\[\]]/g;
  return path.replace(unsafe, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/**
 * Rewrites the target part of some links of a text, and nothing else (for a Markdown
 * link, the path part of its destination, in the form it was written: encoded, or
 * between `<` `>`): the `!`, the
 * heading, the label (and its `|` or `\|`), the spaces around the target inside the
 * brackets, and every character outside the links stay byte for byte.
 */
export function replaceLinkTargets(text: string, edits: ReadonlyArray<{ link: NoteLink; target: string }>): string {
  const sorted = [...edits].sort((a, b) => b.link.start - a.link.start);
  let result = text;
  for (const { link, target } of sorted) {
    if (link.markdown) {
      const { pathStart, pathEnd, pointy } = link.markdown;
      const path = /\.md$/i.test(link.target) && !/\.md$/i.test(target) ? `${target}.md` : target;
      result = result.slice(0, pathStart) + encodeMarkdownPath(path, pointy) + result.slice(pathEnd);
      continue;
    }
    const from = link.start + (link.embed ? 3 : 2);
    const to = from + link.target.length;
    const lead = /^\s*/.exec(link.target)![0];
    const trail = /\s*$/.exec(link.target.slice(lead.length))![0];
    result = result.slice(0, from) + lead + target + trail + result.slice(to);
  }
  return result;
}

/**
 * The target to write in place of `written` (a link target as written that named a note
 * now called `newTitle`): the same form with the new name — a path keeps its folders and
 * separators (`Folder/Old` → `Folder/New`, `../Old` → `../New`), a trailing `.md` stays.
 */
export function renamedTarget(written: string, newTitle: string): string {
  const trimmed = written.trim();
  const slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  const last = trimmed.slice(slash + 1);
  const extension = /\.md$/i.exec(last)?.[0] ?? '';
  return trimmed.slice(0, slash + 1) + newTitle + extension;
}

/** What linkMentionsInText did. */
export interface LinkedText {
  text: string;
  linked: number;
}

/**
 * Turns mentions of a document into links to it: each mention whose [start, end) still
 * holds `source` (and lies in prose, outside code, links and URLs, not overlapping
 * another) becomes `[[target]]` when its text is exactly `target`, else
 * `[[target|original text]]` (with `\|` inside a table row). Others are skipped.
 */
export function linkMentionsInText(
  note: string | NoteModel,
  mentions: ReadonlyArray<{ start: number; end: number; source: string }>,
  target: string,
): LinkedText {
  const model = typeof note === 'string' ? analyzeNote(note) : note;
  const text = model.text;
  const exclusions = mentionExclusions(model);
  const accepted: Array<{ start: number; end: number; source: string; table: boolean }> = [];
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const { start, end, source } = mention;
    if (start >= end || end > text.length || text.slice(start, end) !== source) continue;
    if (/[\r\n]|\[\[|\]\]/.test(source) || source.endsWith(']')) continue;
    const unit = blockAt(model, start);
    if (!unit || end > unit.end || unit.kind === 'code' || unit.kind === 'frontMatter') continue;
    if (overlapsAny(exclusions, start, end)) continue;
    const previous = accepted[accepted.length - 1];
    if (previous && previous.end > start) continue;
    accepted.push({ start, end, source, table: unit.kind === 'tableRow' });
  }
  let result = text;
  for (const mention of [...accepted].reverse()) {
    const same = mention.source === target;
    const link = formatWikiLink({ target, label: same ? null : mention.source, escapedPipe: mention.table });
    result = result.slice(0, mention.start) + link + result.slice(mention.end);
  }
  return { text: result, linked: accepted.length };
}

/** Characters a pack name cannot have in a link target (they end or change the target). */
const UNSAFE_IN_TARGET = /[|#^[\]\r\n]/;

/**
 * The target to write in place of `written` (a link target as written that names a pack
 * entry as `Pack name/Title`, the pack's name normalizing to `packKey`) once the pack is
 * called `newName`: the pack part replaced, the separator after it and the title as they
 * were written (`finance  words\BANK.md` → `Money\BANK.md`). Null when `written` does not
 * start with that pack name, or when `newName` cannot be written in a link (`|`, `#`, `^`,
 * brackets, a leading `/` or a `.` part) — the link is left alone then.
 */
export function renamedPackTarget(written: string, packKey: string, newName: string): string | null {
  const trimmed = written.trim();
  const parts = packKey.split('/').length;
  const separators = /[/\\]/g;
  let at = -1;
  for (let seen = 0; seen < parts; seen++) {
    const found = separators.exec(trimmed);
    if (!found) return null;
    at = found.index;
  }
  if (normalizeName(trimmed.slice(0, at)) !== packKey) return null;
  const name = newName.trim();
  const nameKey = normalizeName(name);
  if (name === '' || UNSAFE_IN_TARGET.test(name) || nameKey.startsWith('/')) return null;
  if (nameKey.split('/').some((part) => part === '.' || part === '..')) return null;
  const target = name + trimmed.slice(at);
  return normalizeName(target) === `${nameKey}/${normalizeName(trimmed.slice(at + 1))}` ? target : null;
}
