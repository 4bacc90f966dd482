import type { DocRef } from '@shared/domain/docRef';
import type { GlossaryEntry } from '@shared/domain/glossary';
import { folderOfPath, titleOfPath } from '@shared/domain/notePath';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import type { NoteModel } from '@shared/markdown/noteModel';
import { foldTag } from '@shared/search/parseQuery';
import type { IndexDoc } from './FullTextIndex';

/** The index key of a document: 'e:<entry id>' or 'n:<note path>'. */
export function docKey(ref: DocRef): string {
  return ref.kind === 'entry' ? `e:${ref.id}` : `n:${ref.path}`;
}

/** The document an index key stands for. */
export function refOfKey(key: string): DocRef {
  return key.startsWith('e:') ? { kind: 'entry', id: key.slice(2) } : { kind: 'note', path: key.slice(2) };
}

/** The text of a glossary entry as one string: definition, then each section's heading and text. */
export function entryText(entry: GlossaryEntry): string {
  return [entry.definition, ...entry.sections.flatMap((s) => [s.heading, s.text])].join('\n\n');
}

/** A glossary entry as the index takes it: its sections' headings weigh as headings. */
export function entryToIndexDoc(entry: GlossaryEntry): IndexDoc {
  return {
    key: docKey({ kind: 'entry', id: entry.id }),
    kind: 'entry',
    title: entry.title,
    folder: '',
    version: '',
    tags: [],
    fields: {
      title: entry.title,
      aliases: entry.aliases.join('\n'),
      headings: entry.sections.map((s) => s.heading).join('\n'),
      tags: '',
      body: [entry.definition, ...entry.sections.map((s) => s.text)].join('\n\n'),
    },
  };
}

/** What the index needs to know about a note besides its text (from the vault's summary). */
export interface NoteMeta {
  path: string;
  version: string;
  aliases: readonly string[];
  tags: readonly string[];
}

/** Bump when the fields read from notes change: search caches built with other rules are rebuilt. */
export const EXTRACTOR_VERSION = 3;

/** What search indexes from a note's Markdown, besides its title and front matter fields. */
export interface NoteFields {
  /** Heading texts (ATX `#` and setext), as a reader sees them. */
  headings: string[];
  /** Everything else after the front matter, code included. */
  body: string;
  /** Inline `#tags` outside code, without '#', as written. */
  inlineTags: string[];
}

/** The search fields of a note, read from its model. */
export function noteFieldsOf(model: NoteModel): NoteFields {
  const text = model.text;
  const body: string[] = [];
  let cursor = model.bodyStart;
  for (const heading of model.headings) {
    body.push(text.slice(cursor, heading.start));
    cursor = heading.end;
  }
  body.push(text.slice(cursor));
  return {
    headings: model.headings.map((heading) => heading.text).filter((heading) => heading !== ''),
    body: body.join(''),
    inlineTags: model.tags.map((tag) => tag.name),
  };
}

/**
 * A note as the index takes it. `text` is the whole file (front matter included), its
 * model or the fields read from it, or null when it could not be read: the note is then
 * found by its title and aliases only.
 */
export function noteToIndexDoc(meta: NoteMeta, text: string | NoteModel | NoteFields | null): IndexDoc {
  const fields =
    text === null
      ? { headings: [], body: '', inlineTags: [] }
      : typeof text === 'string'
        ? noteFieldsOf(analyzeNote(text))
        : 'inlineTags' in text
          ? text
          : noteFieldsOf(text);
  const tags = [...new Set([...meta.tags, ...fields.inlineTags].map(foldTag).filter((t) => t !== ''))];
  const title = titleOfPath(meta.path);
  return {
    key: docKey({ kind: 'note', path: meta.path }),
    kind: 'note',
    title,
    folder: folderOfPath(meta.path),
    version: meta.version,
    tags,
    fields: {
      title,
      aliases: meta.aliases.join('\n'),
      headings: fields.headings.join('\n'),
      tags: tags.join('\n'),
      body: fields.body,
    },
  };
}
