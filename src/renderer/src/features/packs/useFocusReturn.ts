import { useLayoutEffect } from 'react';
import { captureFocus, restoreFocus } from '../switcher/focusReturn';

/**
 * Gives the focus back, when the calling dialog closes, to where it was when the dialog
 * opened (the menu button, the palette's caller, the Re-import button), or to `fallback`
 * when that element is gone. The focus moves once the dialog has left the page: while a
 * modal dialog is open, everything outside it is inert and cannot take the focus.
 */
export function useFocusReturn(fallback?: () => HTMLElement | null): void {
  useLayoutEffect(() => {
    const point = captureFocus();
    return () => {
      setTimeout(() => {
        // Another dialog may have taken the focus meanwhile (one opened from this one).
        if (document.activeElement && document.activeElement !== document.body) return;
        if (!restoreFocus(point)) fallback?.()?.focus();
      }, 0);
    };
    // Captured once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
