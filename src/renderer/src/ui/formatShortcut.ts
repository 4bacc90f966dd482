import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** True on macOS, where shortcuts use ⌘ instead of Ctrl. */
export const IS_MAC =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Shows a shortcut written as "Mod+Shift+F" the way the platform does: "⌘⇧F" on macOS,
 * "Ctrl+Shift+F" elsewhere. "Mod" is ⌘ on macOS and Ctrl elsewhere.
 */
export function formatShortcut(spec: string, mac = IS_MAC): string {
  const parts = spec.split('+');
  if (!mac) return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+');
  const symbols: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' };
  return parts.map((p) => symbols[p] ?? p).join('');
}

/** True when a keyboard event matches a "Mod+Shift+F"-style spec (letters case-insensitive). */
export function matchesShortcut(event: KeyboardEvent | ReactKeyboardEvent, spec: string, mac = IS_MAC): boolean {
  const parts = spec.split('+');
  const key = parts[parts.length - 1]!.toLowerCase();
  const wants = new Set(parts.slice(0, -1));
  const mod = mac ? event.metaKey : event.ctrlKey;
  if (wants.has('Mod') !== mod) return false;
  if (mac && wants.has('Ctrl') !== event.ctrlKey) return false;
  if (!mac && !wants.has('Mod') && event.ctrlKey) return false;
  if (wants.has('Shift') !== event.shiftKey) return false;
  if (wants.has('Alt') !== event.altKey) return false;
  if (!mac && event.metaKey) return false;
  return event.key.toLowerCase() === key || event.code.toLowerCase() === `key${key}`;
}
