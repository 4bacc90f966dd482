import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl } from './LinkGuardPlugin';

describe('isAllowedLinkUrl', () => {
  it.each([
    'https://example.org',
    'http://example.org/path?q=1#frag',
    'HTTPS://EXAMPLE.ORG',
    '  https://example.org  ',
    'https://example.org/a b',
    'mailto:ada@example.org',
    'mailto:ada@example.org?subject=Notes',
  ])('allows %s', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'https://example.org/\u0000',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'tel:+4912345',
    'sms:+4912345',
    'app://study-notebook/index.html',
    'ftp://example.org',
    'about:blank',
    'blob:https://example.org/uuid',
    'notes/other.md',
    '#heading',
    '//evil.example/path',
    '/absolute/path',
    'https://',
    'mailto:',
    '',
  ])('refuses %j', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(false);
  });
});
