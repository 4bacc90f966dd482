import type { IndexStatus } from '@shared/domain/search';
import './indexingProgress.css';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * "Indexing… 3,400 of 10,000 notes" with a thin bar: what a panel shows while the index
 * it answers from is still being built. Not a live region: its count moves every moment.
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
  return (
    <div className={`indexing-progress ${className}`.trim()} data-testid="indexing-progress">
      <span>
        Indexing… {count(status.indexed)} of {count(status.total)} notes
      </span>
      <progress max={Math.max(status.total, 1)} value={status.indexed} aria-label={label} />
    </div>
  );
}
