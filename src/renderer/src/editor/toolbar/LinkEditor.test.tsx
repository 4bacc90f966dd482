import { describe, expect, it } from 'vitest';
import { readLinkInput } from './LinkEditor';
import { matchesShortcut, SHORTCUTS, shortcutLabel } from './shortcuts';

describe('readLinkInput', () => {
  it.each([
    ['https://example.org/a', 'https://example.org/a'],
    ['  http://example.org  ', 'http://example.org'],
    ['example.org/page', 'https://example.org/page'],
    ['www.example.org', 'https://www.example.org'],
    ['localhost:3000/x', 'https://localhost:3000/x'],
    ['ada@example.org', 'mailto:ada@example.org'],
    ['mailto:ada@example.org', 'mailto:ada@example.org'],
  ])('accepts %j as %j', (typed, url) => {
    expect(readLinkInput(typed)).toEqual({ ok: true, url });
  });

  it.each([
    ['javascript:alert(1)', /“javascript:” links are not allowed/],
    ['DATA:text/html,x', /“data:” links are not allowed/],
    ['file:///etc/passwd', /“file:” links are not allowed/],
    ['tel:+123', /“tel:” links are not allowed/],
    ['', /Enter a web address/],
    ['just words', /does not look like/],
    ['https://', /does not look like/],
  ])('refuses %j with a message', (typed, message) => {
    const result = readLinkInput(typed);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

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
