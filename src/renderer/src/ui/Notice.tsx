import type { ReactNode } from 'react';

/** A banner across the top of a pane: information, a warning or an error, with actions. */
export function Notice({
  tone,
  children,
  actions,
}: {
  tone: 'info' | 'warning' | 'error';
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <div className="notice-text">{children}</div>
      {actions && <div className="notice-actions">{actions}</div>}
    </div>
  );
}
