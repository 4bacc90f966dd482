/** True on Apple platforms, where shortcuts use ⌘ instead of Ctrl. */
export const IS_APPLE =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/**
 * Keyboard shortcuts, written once as data and shown and matched per platform.
 *
 * A key combination. `Mod` is ⌘ on macOS and Ctrl elsewhere; the last entry is the key: a
 * letter (matched by the character typed, so it follows the keyboard layout) or a digit
 * (matched by the physical key, since Shift and ⌥ change the character of digit keys).
 */
export type Shortcut = readonly string[];

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Ctrl: '⌃', Alt: '⌥', Shift: '⇧' };
const OTHER_NAMES: Record<string, string> = { Mod: 'Ctrl', Ctrl: 'Ctrl', Alt: 'Alt', Shift: 'Shift' };
const ARIA_NAMES: Record<string, string> = {
  Mod: IS_APPLE ? 'Meta' : 'Control',
  Ctrl: 'Control',
  Alt: 'Alt',
  Shift: 'Shift',
};

/** How a shortcut is shown to the user: `⌘⇧X` on macOS, `Ctrl+Shift+X` elsewhere. */
export function shortcutLabel(shortcut: Shortcut, apple = IS_APPLE): string {
  return apple
    ? shortcut.map((key) => MAC_SYMBOLS[key] ?? key).join('')
    : shortcut.map((key) => OTHER_NAMES[key] ?? key).join('+');
}

/** The shortcut in `aria-keyshortcuts` syntax, e.g. `Control+Shift+X`. */
export function ariaKeyShortcut(shortcut: Shortcut): string {
  return shortcut.map((key) => ARIA_NAMES[key] ?? key).join('+');
}

/** True if `event` is exactly `shortcut` (no extra modifiers) on this platform. */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut, apple = IS_APPLE): boolean {
  const key = shortcut[shortcut.length - 1] ?? '';
  const modifiers = new Set(shortcut.slice(0, -1));
  const wants = {
    ctrl: modifiers.has('Ctrl') || (modifiers.has('Mod') && !apple),
    meta: modifiers.has('Mod') && apple,
    alt: modifiers.has('Alt'),
    shift: modifiers.has('Shift'),
  };
  // AltGr reports Ctrl+Alt on Windows; AltGr+digit types characters ({, [, ², …) there.
  if (event.getModifierState?.('AltGraph')) return false;
  if (
    event.ctrlKey !== wants.ctrl ||
    event.metaKey !== wants.meta ||
    event.altKey !== wants.alt ||
    event.shiftKey !== wants.shift
  ) {
    return false;
  }
  if (/^[0-9]$/.test(key)) return event.code === `Digit${key}` || event.code === `Numpad${key}`;
  return event.key.toLowerCase() === key.toLowerCase();
}
