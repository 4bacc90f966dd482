import { useEffect, useState } from 'react';

/** A short message for the user that goes away by itself after `ms` (default 6 s). */
export function useToast(ms = 6000) {
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), ms);
    return () => clearTimeout(timer);
  }, [toast, ms]);
  return [toast, setToast] as const;
}
