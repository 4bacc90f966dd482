import type { EntrySection } from '@shared/domain/glossary';
import type { ColumnRole, ImportProblem, PackFormat } from '@shared/domain/packs';

/** An entry read from a source, before it gets its id (see assignEntryIds). */
export interface DraftEntry {
  title: string;
  aliases: string[];
  definition: string;
  sections: EntrySection[];
  tags: string[];
  /** Where it came from, as a user would find it: "words.csv, line 12", "Cells.md". */
  source: string;
  /** True when the title was set by an editor (web-text manifests) rather than read from the text. */
  editorialTitle: boolean;
  /** Where it starts, for the problem reported if it is left out (see normalizeDraft). */
  at?: { file?: string; line?: number };
}

/** What a source reader made of a file or folder: entries, and what it had to leave out. */
export interface ParsedSource {
  format: PackFormat;
  encoding: string;
  encodingDetected: boolean;
  separator?: string;
  columns: Array<{ name: string; role: ColumnRole }>;
  entries: DraftEntry[];
  problems: ImportProblem[];
  /** A pack name from the source's own name. */
  suggestedName: string;
}
