/**
 * A glossary source (or the manifest, or a folder) that cannot be imported.
 * The message always starts with the file name, then the problem, e.g.
 * `004_x.txt: no "Mechanism" section found`, so a user can fix the file without a stack trace.
 */
export class GlossaryImportError extends Error {
  override readonly name = 'GlossaryImportError';

  constructor(
    /** The file (or folder) at fault, as the user would recognise it: usually a base name. */
    readonly fileName: string,
    /** What is wrong with it, without the file name. */
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
  }
}
