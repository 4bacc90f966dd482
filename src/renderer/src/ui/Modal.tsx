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
 * app is inert, focus moves in and Escape closes, the way the platform does it. The focus
 * goes to the element marked `data-autofocus` (the dialog's main action, or its field), else
 * to the first focusable one. React's `autoFocus` cannot do it on opening: React focuses the
 * element while the dialog is still closed (not rendered, so nothing happens), and it sets no
 * `autofocus` attribute that showModal() could follow, which then picks the first button
 * (Cancel). When it goes
 * away, the focus goes back to what had it before (the button that opened it), if that is
 * still there: the parent removes the dialog rather than closing it, and a removed dialog
 * would leave the focus nowhere.
 */
export function Modal({ labelledBy, onCancel, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog && !dialog.open) dialog.showModal?.();
    dialog?.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      const focused = document.activeElement;
      const lost = focused === null || focused === document.body || dialog?.contains(focused) === true;
      if (lost && opener instanceof HTMLElement && opener.isConnected) opener.focus({ preventScroll: true });
    };
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
