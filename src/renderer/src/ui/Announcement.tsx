import { useEffect, useState } from 'react';

/**
 * A polite live region, not shown, that screen readers read when its message changes. It
 * is always in the page (a region that appears with its text is often not read), and the
 * same message set again changes nothing in the page, so it is never read twice in a row.
 * An empty message says nothing.
 */
export function Announcement({ message, label }: { message: string; label?: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" aria-label={label}>
      {message}
    </div>
  );
}

/**
 * `value` once it has stayed the same for `delayMs`: what to announce about something
 * that changes as the user types (a result count), so that only where it settles is read.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
