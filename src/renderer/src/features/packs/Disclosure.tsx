import { useId, useState, type ReactNode } from 'react';

export interface DisclosureProps {
  /** The toggle's text (and the region's name). */
  label: ReactNode;
  defaultOpen?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * A section that shows or hides its content behind a button (the WAI-ARIA disclosure
 * pattern: `aria-expanded` on a real button). Not <details>: the injection guard treats a
 * <details> element as content that must never reach the page (`ontoggle` payloads), and
 * the app keeps that rule simple by never rendering one.
 */
export function Disclosure({ label, defaultOpen = false, className, children }: DisclosureProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <div className={`disclosure ${className ?? ''}`} data-open={open || undefined}>
      <button
        type="button"
        className="disclosure-toggle"
        id={`${id}-toggle`}
        aria-expanded={open}
        aria-controls={`${id}-content`}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
          <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        {label}
      </button>
      <div id={`${id}-content`} role="region" aria-labelledby={`${id}-toggle`} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
