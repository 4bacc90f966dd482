import { analyzeNote, noteProperties } from '@shared/markdown/analyzeNote';
import type { NoteModel } from '@shared/markdown/noteModel';
import { notePreview } from '@shared/markdown/notePreview';
import { fold } from '@shared/text/fold';
import { linkKeyOf } from './linkKey';
import { wordFilterOfText } from './wordFilter';

/** One link of an indexed note: where it is, its parts as written, and its lookup key. */
export interface IndexedLink {
  start: number;
  end: number;
  target: string;
  heading: string | null;
  label: string | null;
  embed: boolean;
  escapedPipe: boolean;
  /** See linkKeyOf. */
  key: string;
}

/** What the link index keeps of a note (from its model): never the text itself. */
export interface NoteAnalysis {
  links: IndexedLink[];
  /** Bloom filter of the note's folded words, for unlinked mentions. */
  words: Uint32Array;
  /** The first paragraph, shortened, for the `[[` menu. */
  preview: string;
  /** The note's tags (inline and front matter `tags`), without `#`, each once, as first written. */
  tags: string[];
}

/** The length of the one-line preview in the `[[` menu. */
export const SUGGESTION_PREVIEW_CHARS = 120;

/** What the link index keeps of a note at `path`, read from its model (or its text). */
export function linkRecordOf(path: string, note: NoteModel | string): NoteAnalysis {
  const model = typeof note === 'string' ? analyzeNote(note) : note;
  const links = model.links.map((link): IndexedLink => ({
    start: link.start,
    end: link.end,
    target: link.target,
    heading: link.heading,
    label: link.label,
    embed: link.embed,
    escapedPipe: link.escapedPipe,
    key: linkKeyOf(link.target, path),
  }));
  return {
    links,
    words: wordFilterOfText(fold(model.text)),
    preview: notePreview(model, SUGGESTION_PREVIEW_CHARS),
    tags: tagsOf(model),
  };
}

/** A note's tags, front matter first, each once (case-insensitively), as first written. */
function tagsOf(model: NoteModel): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of [...noteProperties(model).tags, ...model.tags.map((t) => t.name)]) {
    const name = tag.replace(/^#+/, '').replace(/\/+$/, '');
    const key = name.toLowerCase();
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    tags.push(name);
  }
  return tags;
}
