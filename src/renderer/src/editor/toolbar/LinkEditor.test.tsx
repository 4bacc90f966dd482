import { describe, expect, it } from 'vitest';
import { readLinkInput } from './LinkEditor';

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
