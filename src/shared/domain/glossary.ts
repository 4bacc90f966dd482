/** A glossary entry as listed in the sidebar. */
export interface EntrySummary {
  /** Stable id derived from the title at import time, e.g. "gaba-glutamate-ratio". */
  id: string;
  title: string;
  /** Other names the entry is known by; links and mentions resolve them too. */
  aliases: string[];
  /** The reference pack it belongs to (see PackSummary); absent only in old test data. */
  packId?: string;
  /**
   * Set only when other shown entries share its title: the first words of its definition,
   * shown beside the title (with the pack's name) so the entries can be told apart.
   */
  hint?: string;
}

/** The most rows one listEntryRows call returns. */
export const MAX_ENTRY_ROWS = 500;

/** A window of the glossary list (see NotebookApi.listEntryRows). */
export interface EntryRows {
  /** How many entries match the filter. */
  total: number;
  /** How many entries the list holds with no filter (in the pack asked for, if any). */
  all: number;
  /** The matching entries from the offset asked for, in title order. */
  rows: EntrySummary[];
}

/** One titled section of an entry's body ("Origin", "Mechanism"). */
export interface EntrySection {
  heading: string;
  /** Plain text; paragraphs are separated by a blank line. */
  text: string;
}

/** A read-only reference note from the shipped (or imported) glossary. */
export interface GlossaryEntry extends EntrySummary {
  /** The source file name it was imported from. */
  source: string;
  /** True when the title was set by an editor because none could be derived from the text. */
  editorialTitle: boolean;
  /** The definition: the text before the first section. */
  definition: string;
  sections: EntrySection[];
  /** Tags given by the source (a tags column, front matter), if any. */
  tags?: string[];
}

/**
 * Glossary ids are lowercase slugs: `<slug>` for the shipped glossary's entries (the ids
 * they always had), `<pack id>--<slug>` for an imported pack's (a slug never holds `--`, so
 * the two never meet). Stable across re-imports while the entry's term is unchanged.
 */
export const ENTRY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
