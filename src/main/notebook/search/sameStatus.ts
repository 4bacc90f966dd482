import type { IndexStatus } from '@shared/domain/search';

/** True when two statuses say the same (state and every count). */
export function sameStatus(a: IndexStatus, b: IndexStatus): boolean {
  return (
    a.state === b.state &&
    a.indexed === b.indexed &&
    a.total === b.total &&
    a.entries?.indexed === b.entries?.indexed &&
    a.entries?.total === b.entries?.total
  );
}
