import type { LinkUpdateReport } from './links';

/**
 * Reference packs: the read-only glossaries a user imports (a dictionary, a course's word
 * list, an Anki deck). The shipped glossary is one of them. Packs live in the app's state
 * folder, never in the vault; their entries are never written by any UI or API path.
 */

/** The kinds of source a pack can be imported from. */
export const PACK_FORMATS = ['csv', 'tsv', 'quizlet', 'anki', 'markdown', 'webtext'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

/** How each format is named to a user. */
export const PACK_FORMAT_LABELS: Record<PackFormat, string> = {
  csv: 'CSV (comma- or semicolon-separated)',
  tsv: 'TSV (tab-separated)',
  quizlet: 'Quizlet export',
  anki: 'Anki text export',
  markdown: 'Folder of Markdown files',
  webtext: 'Web-page text (the shipped glossary’s sources)',
};

/** Short names of the formats, for a line such as "CSV · UTF-8 · comma-separated". */
export const PACK_FORMAT_NAMES: Record<PackFormat, string> = {
  csv: 'CSV',
  tsv: 'TSV',
  quizlet: 'Quizlet export',
  anki: 'Anki export',
  markdown: 'Markdown folder',
  webtext: 'Web-page texts',
};

/** A pack as listed for managing it. */
export interface PackSummary {
  /** Stable id chosen at the first import (a slug of its first name); never changes. */
  id: string;
  /** The name shown in the app; the user may rename it. */
  name: string;
  /** What it was imported from: the file or folder name, and the format read. */
  source: { name: string; format: PackFormat };
  entryCount: number;
  /** Rows or files left out at its last import (see ImportProblem). */
  skippedCount: number;
  /** ISO date of its last import. */
  importedAt: string;
  /** Hidden packs stay stored but their entries are not listed, linked or searched. */
  hidden: boolean;
  /** The glossary that ships with the app: it can be renamed and hidden, not removed. */
  builtIn: boolean;
  /** Set when the stored pack could not be read (its entries are then missing); re-import or remove it. */
  problem?: string;
}

/** What updatePack did: the pack as it is now, and the links rewritten by a rename (null when not asked). */
export interface PackUpdate extends PackSummary {
  linkUpdates: LinkUpdateReport | null;
}

/** A row, file or line left out of an import, and why. */
export interface ImportProblem {
  /** The file it is in, for folder imports; absent for a single file. */
  file?: string;
  /** 1-based line where the row starts, when the source has lines. */
  line?: number;
  reason: string;
}

/** How to read a source; everything is detected when left out. */
export interface ImportOptions {
  format?: PackFormat;
  /** A WHATWG encoding label ('utf-8', 'utf-16le', 'windows-1252', …). */
  encoding?: string;
  /** Between fields (CSV/TSV/Anki) or between term and definition (Quizlet): one character or `\t`. */
  separator?: string;
  /** Quizlet only: between rows; default a newline. */
  rowSeparator?: string;
}

/** What a column of a table source is taken as. */
export type ColumnRole = 'term' | 'definition' | 'aliases' | 'tags' | 'section' | 'ignored';

/** One entry as the preview shows it. */
export interface PreviewEntry {
  title: string;
  aliases: string[];
  /** The definition, cut to a few hundred characters. */
  definition: string;
  /** Headings of its extra sections. */
  sections: string[];
  /** Where it came from ("words.csv, line 12"). */
  source: string;
}

/** What an import would make of a source, before anything is written. */
export interface ImportPreview {
  format: PackFormat;
  /** The encoding the text was read with, and whether it was detected or given. */
  encoding: string;
  encodingDetected: boolean;
  /** The field separator found or given (table formats only). */
  separator?: string;
  /** The columns and how each is used (table formats only). */
  columns: Array<{ name: string; role: ColumnRole }>;
  /** The first entries, in source order. */
  entries: PreviewEntry[];
  entryCount: number;
  /** The first problems (see problemCount for all of them). */
  problems: ImportProblem[];
  problemCount: number;
  /** A name for the pack, from the source's name. */
  suggestedName: string;
}

/** Progress of a running import (the `pack-import-progress` event). */
export interface ImportProgress {
  /** The upload being imported (see NotebookApi.importPack). */
  uploadId: string;
  phase: 'reading' | 'parsing' | 'writing' | 'loading';
  done: number;
  total: number;
}

/** The outcome of an import. */
export interface ImportResult {
  pack: PackSummary;
  /** Entries that kept their id from the previous import of the pack (re-imports). */
  keptIds: number;
  problems: ImportProblem[];
  problemCount: number;
}

/** Pack ids are lowercase slugs, at most 40 characters. */
export const PACK_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_PACK_NAME_LENGTH = 120;
