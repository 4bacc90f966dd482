import { formatWikiLink } from '@shared/links/formatWikiLink';
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
