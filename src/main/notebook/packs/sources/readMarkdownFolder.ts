import { parse } from 'yaml';
import type { EntrySection } from '@shared/domain/glossary';
import type { ImportProblem } from '@shared/domain/packs';
import { readFrontMatterFields, splitFrontMatter } from '@shared/markdown/frontMatter';
import type { DraftEntry, ParsedSource } from '../DraftEntry';
import { PackImportError } from '../PackImportError';
import { decodeSource } from './decodeSource';
import type { SourceFile } from './listSourceFiles';

/** Whether a folder's file is a Markdown note. */
export function isMarkdownFile(name: string): boolean {
  return /\.(?:md|markdown)$/i.test(name);
}

const SECTION = /^##[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const TITLE = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;

/**
 * Reads a folder of Markdown files (an Obsidian vault, a course's notes), one entry per
 * file, subfolders included (hidden folders such as .obsidian are skipped).
 *
 * The title is the front matter's `title`, else the file's first `# heading`, else its
 * file name; aliases and tags come from the front matter (`aliases`/`alias`,
 * `tags`/`tag`). The text before the first `## heading` is the definition and each
 * `## heading` starts a section (headings inside code blocks do not count); a file with
 * only sections takes the first one's text as its definition. The text is kept as written.
 *
 * A file that is not text, or has no text, is listed as a problem with its path.
 *
 * @throws PackImportError when the folder holds no Markdown file at all.
 */
export function readMarkdownFolder(files: readonly SourceFile[], folderName: string, encoding?: string): ParsedSource {
  if (files.length === 0) throw new PackImportError(`${folderName}: no Markdown (.md) files found.`);
  const entries: DraftEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = decodeSource(file.bytes, file.path, encoding).text;
    } catch (error) {
      problems.push({ file: file.path, reason: reasonOf(error, file.path) });
      continue;
    }
    entries.push(readMarkdownEntry(text, file.path));
  }
  return {
    format: 'markdown',
    encoding: encoding ?? 'utf-8',
    encodingDetected: encoding === undefined,
    columns: [],
    entries,
    problems,
    suggestedName: folderName,
  };
}

/** One Markdown file as an entry (see readMarkdownFolder). */
export function readMarkdownEntry(text: string, path: string): DraftEntry {
  const { frontMatter, body } = splitFrontMatter(text);
  const { aliases, tags } = readFrontMatterFields(frontMatter);
  let title = frontMatterTitle(frontMatter);
  const lines = body.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  const heading = first === -1 ? null : TITLE.exec(lines[first]!);
  if (heading && (title === undefined || title.trim().toLowerCase() === heading[1]!.trim().toLowerCase())) {
    title ??= heading[1]!;
    lines.splice(first, 1);
  }
  title ??= (path.split('/').at(-1) ?? path).replace(/\.(?:md|markdown)$/i, '');

  const chunks: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  let fence: string | null = null;
  for (const line of lines) {
    const opener = FENCE.exec(line)?.[1];
    if (opener && (fence === null || opener.startsWith(fence))) fence = fence === null ? opener : null;
    const section = fence === null ? SECTION.exec(line) : null;
    if (section) chunks.push({ heading: section[1]!, lines: [] });
    else chunks.at(-1)!.lines.push(line);
  }
  let definition = chunks[0]!.lines.join('\n');
  let sections: EntrySection[] = chunks
    .slice(1)
    .map((chunk) => ({ heading: chunk.heading!, text: chunk.lines.join('\n') }))
    .filter((section) => section.text.trim() !== '');
  if (definition.trim() === '' && sections.length > 0) {
    definition = sections[0]!.text;
    sections = sections.slice(1);
  }
  return { title, aliases, definition, sections, tags, source: path, editorialTitle: false, at: { file: path } };
}

/** The `title:` of a front matter block (one top-level line, read as YAML so quotes work). */
function frontMatterTitle(frontMatter: string): string | undefined {
  const line = /^title[ \t]*:[ \t]*(\S.*)$/m.exec(frontMatter)?.[1];
  if (line === undefined) return undefined;
  try {
    const value: unknown = parse(`title: ${line}`);
    const title = (value as { title?: unknown } | null)?.title;
    return typeof title === 'string' || typeof title === 'number' ? String(title) : undefined;
  } catch {
    return line;
  }
}

function reasonOf(error: unknown, path: string): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}
