import { describe, expect, it } from 'vitest';
import { formatShortcut, matchesShortcut } from './formatShortcut';

const key = (init: Partial<KeyboardEvent> & { key: string }) =>
  ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, code: '', ...init }) as KeyboardEvent;

describe('formatShortcut', () => {
  it('uses Ctrl on Windows and Linux and symbols on macOS', () => {
    expect(formatShortcut('Mod+Shift+F', false)).toBe('Ctrl+Shift+F');
    expect(formatShortcut('Mod+Shift+F', true)).toBe('⌘⇧F');
  });
});

describe('matchesShortcut', () => {
  it('matches Mod as Ctrl off macOS and ⌘ on macOS', () => {
    expect(matchesShortcut(key({ key: 'n', ctrlKey: true }), 'Mod+N', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'n', metaKey: true }), 'Mod+N', true)).toBe(true);
    expect(matchesShortcut(key({ key: 'n', metaKey: true }), 'Mod+N', false)).toBe(false);
  });

  it('requires exactly the modifiers named', () => {
    expect(matchesShortcut(key({ key: 'N', ctrlKey: true, shiftKey: true }), 'Mod+N', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'F', ctrlKey: true, shiftKey: true }), 'Mod+Shift+F', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'n' }), 'Mod+N', false)).toBe(false);
  });

  it('falls back to the physical key for other keyboard layouts', () => {
    expect(matchesShortcut(key({ key: 'т', code: 'KeyN', ctrlKey: true }), 'Mod+N', false)).toBe(true);
  });
});
