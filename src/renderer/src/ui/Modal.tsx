import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalProps {
  /** The id of the element that names the dialog (usually its heading). */
  labelledBy: string;
  /** Escape (or the caller's own buttons) closes: the parent removes the modal. */
  onCancel(): void;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog on the native <dialog> element: shown with showModal() so the rest of the
 * app is inert, focus moves in and Escape closes, the way the platform does it.
 */
export function Modal({ labelledBy, onCancel, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
