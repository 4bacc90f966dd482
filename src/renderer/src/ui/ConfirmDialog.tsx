import { useId, type ReactNode } from 'react';
import { Modal } from './Modal';

export interface ConfirmDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question with two answers, built on <dialog> so focus and Escape behave natively.
 * It opens with the focus on the confirming answer, or on Cancel when that answer is
 * destructive (`danger`).
 */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onCancel={() => onCancel()}>
      <h2 id={titleId}>{title}</h2>
      {children && <div className="dialog-body">{children}</div>}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? 'button button-danger' : 'button button-primary'}
          onClick={onConfirm}
          // A destructive answer is never where Enter lands first: the focus stays on Cancel then.
          data-autofocus={danger ? undefined : true}
        >
          {confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
