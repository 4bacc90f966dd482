import type { IndexStatus } from '@shared/domain/search';
import { withThousands as count } from './formatCount';
import './indexingProgress.css';

/**
 * "Indexing… 3,400 of 10,000 notes" with a thin bar: what a panel shows while the index
 * it answers from is still being built. It counts the user's notes; reference-pack entries
 * (which the search index also reads, from each pack's own cache, usually at once) are
 * named apart, and only while some are still to come: "Indexing… 0 of 10,000 notes, 1,200
 * of 5,000 reference entries". The bar follows both. Not a live region: its count moves
 * every moment.
 */
export function IndexingProgress({
  status,
  className = '',
  label = 'Indexing progress',
}: {
  status: IndexStatus;
  className?: string;
  label?: string;
}) {
  const entries = status.entries && status.entries.indexed < status.entries.total ? status.entries : null;
  const done = status.indexed + (entries?.indexed ?? 0);
  const total = status.total + (entries?.total ?? 0);
  return (
    <div className={`indexing-progress ${className}`.trim()} data-testid="indexing-progress">
      <span>
        Indexing… {count(status.indexed)} of {count(status.total)} notes
        {entries && `, ${count(entries.indexed)} of ${count(entries.total)} reference entries`}
      </span>
      <progress max={Math.max(total, 1)} value={done} aria-label={label} />
    </div>
  );
}
