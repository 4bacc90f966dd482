import { useEffect } from 'react';
import { flushAllNotes, hasUnsavedNotes } from '../features/notes/openSessions';

/**
 * Saves every open note's edits when the window loses focus, is hidden, or is about to
 * close; a close with unsaved edits waits for their save (inside the desktop app the close
 * is cancelled, then repeated once the save finished).
 */
export function useFlushOnLeave(): void {
  useEffect(() => {
    const flush = () => void flushAllNotes();
    const onHidden = () => document.visibilityState === 'hidden' && flush();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedNotes()) return;
      event.preventDefault();
      // Inside the desktop app, cancelling the close lets the save finish; then close for real.
      void flushAllNotes().then(() => {
        if (window.notebook) window.close();
      });
    };
    window.addEventListener('blur', flush);
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('blur', flush);
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, []);
}
