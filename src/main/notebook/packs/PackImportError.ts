import type { ImportProblem } from '@shared/domain/packs';

/**
 * A source that cannot be imported as a whole (unreadable, not text, no entry at all), or a
 * pack operation that is not allowed. The message says what is wrong and, where it helps,
 * what to do; `problems` lists the rows left out when no entry was left.
 */
export class PackImportError extends Error {
  override readonly name = 'PackImportError';

  constructor(
    message: string,
    readonly problems: readonly ImportProblem[] = [],
  ) {
    super(message);
  }
}
