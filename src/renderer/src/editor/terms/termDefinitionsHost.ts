import type { TermCard, TermHit } from '@shared/domain/terms';

/**
 * What the editor's definitions of glossary terms need from the app (see
 * TermDefinitionsPlugin): the backend's term methods, seen from the note, and the shell's
 * ways of opening an entry. The editor shows no definitions without one.
 */
export interface TermDefinitionsHost {
  /** Each block's term occurrences (NotebookApi.findTermsInBlocks). */
  findTermsInBlocks(blocks: string[]): Promise<TermHit[][]>;
  /** The cards of these entries, in that order (NotebookApi.describeTerms, from this note). */
  describeTerms(ids: string[]): Promise<TermCard[]>;
  /** Opens the entry in the reference pane, beside the note. */
  openBeside(card: TermCard): void;
  /** Opens the entry in the main view. */
  open(card: TermCard): void;
}
