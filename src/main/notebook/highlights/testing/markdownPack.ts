import type { NotebookApi } from '@shared/api/NotebookApi';
import type { EntrySummary } from '@shared/domain/glossary';

/** One entry of a test pack: its title, definition and sections, written as a Markdown file. */
export interface TestEntry {
  title: string;
  definition: string;
  sections?: Array<{ heading: string; text: string }>;
}

/** The Markdown file the pack reader turns into `entry`. */
export function entryMarkdown(entry: TestEntry): string {
  const parts = [`# ${entry.title}`, entry.definition];
  for (const section of entry.sections ?? []) parts.push(`## ${section.heading}`, section.text);
  return `${parts.join('\n\n')}\n`;
}

/**
 * Imports `entries` as a pack of Markdown files through the contract (upload, import), as a
 * new pack named `name` or as the new version of pack `replace`. Returns the pack's id and
 * its entries' ids by title.
 */
export async function importMarkdownPack(
  api: NotebookApi,
  name: string,
  entries: TestEntry[],
  replace?: string,
): Promise<{ packId: string; ids: Map<string, string> }> {
  const { uploadId } = await api.startPackUpload({ name, kind: 'folder' });
  for (const [index, entry] of entries.entries()) {
    const data = Buffer.from(entryMarkdown(entry), 'utf8').toString('base64');
    await api.appendPackUpload({ uploadId, path: `${index + 1}.md`, data });
  }
  const result = await api.importPack({ uploadId, name, replace, options: { format: 'markdown' } });
  const packId = result.pack.id;
  const listed: EntrySummary[] = await api.listEntries();
  const ids = new Map(listed.filter((e) => e.packId === packId).map((e) => [e.title, e.id]));
  return { packId, ids };
}
