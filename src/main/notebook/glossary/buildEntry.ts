import type { GlossaryEntry } from '@shared/domain/glossary';
import { deriveTitle } from './deriveTitle';
import { GlossaryImportError } from './GlossaryImportError';
import { parseSource } from './parseSource';
import { MANIFEST_FILE_NAME, type SourceOverride } from './parseManifest';
import { readSource } from './readSource';
import { slugify } from './slugify';

// The API validates ids up to 200 characters; a title this long is a mistake, not a name.
const MAX_ID_LENGTH = 120;

/**
 * Turns one source file into a glossary entry: decodes it, splits it into definition and
 * sections (dropping the web-page trailer), takes the title from the manifest override or
 * derives it from the definition, and derives the id from the title.
 *
 * `editorialTitle` is true when the manifest's title is used in place of the derived one
 * (or of none). The source text is kept exactly, paragraph by paragraph.
 *
 * @throws GlossaryImportError naming `fileName` for anything `readSource` or `parseSource`
 *   reject, when there is no title (none derivable and none in the manifest), when the title
 *   gives no usable id, or when an alias repeats the title.
 */
export function buildEntry(fileName: string, bytes: Uint8Array, override: SourceOverride = {}): GlossaryEntry {
  const fail: (problem: string) => never = (problem) => {
    throw new GlossaryImportError(fileName, problem);
  };
  const { definition, sections } = parseSource(readSource(bytes, fileName), fileName);
  const derived = deriveTitle(definition);
  const title = override.title ?? derived;
  if (title === undefined) {
    fail(
      `no title can be derived from the definition (it does not start like "The Example Term is …"); ` +
        `give one in ${MANIFEST_FILE_NAME}: { "entries": { "${fileName}": { "title": "…" } } }`,
    );
  }
  const id = slugify(title);
  if (id === '') fail(`the title "${title}" gives no id: it needs at least one Latin letter or digit`);
  if (id.length > MAX_ID_LENGTH)
    fail(`the title "${title}" is too long for an id (more than ${MAX_ID_LENGTH} characters)`);

  const aliases = override.aliases ?? [];
  const sameAsTitle = aliases.find((alias) => alias.toLowerCase() === title.toLowerCase());
  if (sameAsTitle !== undefined) fail(`the alias "${sameAsTitle}" is the title itself`);

  return {
    id,
    title,
    aliases: [...aliases],
    source: fileName,
    editorialTitle: override.title !== undefined && override.title !== derived,
    definition,
    sections,
  };
}
