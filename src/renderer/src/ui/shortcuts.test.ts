import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../editor/toolbar/shortcuts';
import { matchesShortcut, shortcutLabel } from './shortcuts';

describe('shortcuts', () => {
  it('are shown with ⌘ symbols on macOS and Ctrl names elsewhere', () => {
    expect(shortcutLabel(SHORTCUTS.strikethrough, true)).toBe('⌘⇧X');
    expect(shortcutLabel(SHORTCUTS.strikethrough, false)).toBe('Ctrl+Shift+X');
    expect(shortcutLabel(SHORTCUTS.h2, true)).toBe('⌘⌥2');
  });

  it('match exactly, digits by physical key', () => {
    const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);
    expect(matchesShortcut(key({ key: 'b', ctrlKey: true }), SHORTCUTS.bold, false)).toBe(true);
    expect(matchesShortcut(key({ key: 'b', metaKey: true }), SHORTCUTS.bold, true)).toBe(true);
    expect(matchesShortcut(key({ key: 'b', metaKey: true }), SHORTCUTS.bold, false)).toBe(false);
    expect(matchesShortcut(key({ key: 'B', ctrlKey: true, shiftKey: true }), SHORTCUTS.bold, false)).toBe(false);
    expect(matchesShortcut(key({ key: '™', code: 'Digit2', metaKey: true, altKey: true }), SHORTCUTS.h2, true)).toBe(
      true,
    );
    // AltGr+2 on a Windows German layout types "²": it is not Ctrl+Alt+2.
    const altGr = key({
      key: '²',
      code: 'Digit2',
      ctrlKey: true,
      altKey: true,
      modifierAltGraph: true,
    } as KeyboardEventInit);
    expect(matchesShortcut(altGr, SHORTCUTS.h2, false)).toBe(false);
    expect(matchesShortcut(key({ key: '2', code: 'Digit2', ctrlKey: true, altKey: true }), SHORTCUTS.h2, false)).toBe(
      true,
    );
  });
});

describe('app shortcuts', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

  it('match Mod as Ctrl off Apple platforms and ⌘ on them', () => {
    expect(matchesShortcut(key({ key: 'n', ctrlKey: true }), ['Mod', 'N'], false)).toBe(true);
    expect(matchesShortcut(key({ key: 'n', metaKey: true }), ['Mod', 'N'], true)).toBe(true);
    expect(matchesShortcut(key({ key: 'n', metaKey: true }), ['Mod', 'N'], false)).toBe(false);
    expect(matchesShortcut(key({ key: 'N', ctrlKey: true, shiftKey: true }), ['Mod', 'N'], false)).toBe(false);
    expect(matchesShortcut(key({ key: 'F', ctrlKey: true, shiftKey: true }), ['Mod', 'Shift', 'F'], false)).toBe(true);
  });
});
