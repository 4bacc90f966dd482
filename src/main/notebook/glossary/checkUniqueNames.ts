import type { GlossaryEntry } from '@shared/domain/glossary';
import { GlossaryImportError } from './GlossaryImportError';
import { MANIFEST_FILE_NAME } from './parseManifest';

/**
 * Makes sure every entry can be told apart: ids are unique (they are file names), and no
 * title or alias is shared by two entries, compared the way links resolve them (ignoring
 * case and runs of whitespace), so `[[Name]]` never has two targets.
 *
 * @param entries in source file order; the later of two clashing entries is the one reported.
 * @throws GlossaryImportError naming the later source file, the clashing name and the other file.
 */
export function checkUniqueNames(entries: readonly GlossaryEntry[]): void {
  const byId = new Map<string, GlossaryEntry>();
  const byName = new Map<string, { entry: GlossaryEntry; kind: string; name: string }>();
  for (const entry of entries) {
    const fail = (problem: string): never => {
      throw new GlossaryImportError(entry.source, `${problem}; change a title or alias in ${MANIFEST_FILE_NAME}`);
    };
    const names = [{ kind: 'title', name: entry.title }, ...entry.aliases.map((name) => ({ kind: 'alias', name }))];
    for (const { kind, name } of names) {
      const other = byName.get(nameKey(name));
      if (other && other.entry !== entry) {
        fail(`its ${kind} "${name}" is also the ${other.kind} "${other.name}" of ${other.entry.source}`);
      }
    }
    const sameId = byId.get(entry.id);
    if (sameId) fail(`its title "${entry.title}" gives the id "${entry.id}", which ${sameId.source} already has`);
    byId.set(entry.id, entry);
    for (const { kind, name } of names) byName.set(nameKey(name), { entry, kind, name });
  }
}

function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
