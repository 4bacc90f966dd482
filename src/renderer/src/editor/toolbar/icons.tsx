import type { ReactNode } from 'react';

/** A 16×16 line icon drawn in the current text colour; decorative (the button is labelled). */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="tb-icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5 2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m10.5 3.5 3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </Icon>
);

export const BoldIcon = () => (
  <Icon>
    <path d="M4.5 2.75h4.25a2.6 2.6 0 0 1 0 5.2H4.5z" strokeWidth="1.9" />
    <path d="M4.5 7.95h5a2.65 2.65 0 0 1 0 5.3h-5z" strokeWidth="1.9" />
  </Icon>
);

export const ItalicIcon = () => (
  <Icon>
    <path d="M6.5 2.75h5M4.5 13.25h5M9.25 2.75l-2.5 10.5" />
  </Icon>
);

export const StrikethroughIcon = () => (
  <Icon>
    <path d="M2.5 8h11" />
    <path d="M11 4.25c-.5-1-1.6-1.6-3-1.6-1.9 0-3.1 1-3.1 2.35 0 .8.4 1.45 1.3 1.95" />
    <path d="M10.9 9.6c.3.4.45.85.45 1.4 0 1.45-1.35 2.45-3.35 2.45-1.55 0-2.75-.6-3.3-1.7" />
  </Icon>
);

/** A marker pen over a line: Obsidian's `==highlight==`. */
export const HighlightIcon = () => (
  <Icon>
    <path d="m9.6 2.9 3.5 3.5-5.2 5.2H4.4V8.1z" />
    <path d="M7.4 5.1l3.5 3.5" />
    <path d="M2.5 13.5h11" />
  </Icon>
);

export const InlineCodeIcon = () => (
  <Icon>
    <path d="M5.5 4.5 2 8l3.5 3.5M10.5 4.5 14 8l-3.5 3.5" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M6.75 9.25a2.9 2.9 0 0 0 4.1 0l2.2-2.2a2.9 2.9 0 0 0-4.1-4.1l-.9.9" />
    <path d="M9.25 6.75a2.9 2.9 0 0 0-4.1 0l-2.2 2.2a2.9 2.9 0 0 0 4.1 4.1l.9-.9" />
  </Icon>
);

export const HorizontalRuleIcon = () => (
  <Icon>
    <path d="M2 8h12" />
    <path d="M4 4.5h8M4 11.5h8" strokeOpacity="0.45" />
  </Icon>
);

export const TableIcon = () => (
  <Icon>
    <rect x="2" y="2.75" width="12" height="10.5" rx="1.5" />
    <path d="M2 6.25h12M2 9.75h12M6 6.25v7M10 6.25v7" />
  </Icon>
);

export const CalloutIcon = () => (
  <Icon>
    <rect x="2" y="2.75" width="12" height="10.5" rx="1.5" />
    <path d="M2 2.75v10.5M5 6h6M5 9.5h4" />
  </Icon>
);

export const ImageIcon = () => (
  <Icon>
    <rect x="2" y="2.75" width="12" height="10.5" rx="1.5" />
    <circle cx="5.75" cy="6.25" r="1.25" />
    <path d="M2.5 12l3.75-3.5 2.5 2.25 2-1.75L14 12" />
  </Icon>
);

export const RowBelowIcon = () => (
  <Icon>
    <rect x="2" y="2.5" width="12" height="5.5" rx="1.25" />
    <path d="M8 10.25v4M6 12.25h4" />
  </Icon>
);

export const ColumnRightIcon = () => (
  <Icon>
    <rect x="2.5" y="2" width="5.5" height="12" rx="1.25" />
    <path d="M10.25 8h4M12.25 6v4" />
  </Icon>
);

export const DeleteRowIcon = () => (
  <Icon>
    <rect x="2" y="5.25" width="12" height="5.5" rx="1.25" />
    <path d="m6.25 6.75 3.5 2.5M9.75 6.75l-3.5 2.5" />
  </Icon>
);

export const DeleteColumnIcon = () => (
  <Icon>
    <rect x="5.25" y="2" width="5.5" height="12" rx="1.25" />
    <path d="m6.75 6.25 2.5 3.5M9.25 6.25l-2.5 3.5" />
  </Icon>
);

export const DeleteTableIcon = () => (
  <Icon>
    <rect x="2" y="2.75" width="12" height="10.5" rx="1.5" />
    <path d="m5.75 5.75 4.5 4.5M10.25 5.75l-4.5 4.5" />
  </Icon>
);
