import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl } from './linkPolicy';

describe('isAllowedLinkUrl', () => {
  it('allows absolute http, https and mailto URLs', () => {
    for (const url of [
      'https://example.com',
      'http://example.com/a_(b)?q=1#x',
      'HTTPS://EXAMPLE.COM',
      'mailto:a@b.org',
      'http://127.0.0.1:8080/',
      'https://example.com/a b',
    ]) {
      expect(isAllowedLinkUrl(url), url).toBe(true);
    }
  });

  it('refuses every other scheme, relative URLs and disguises', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      'vbscript:x',
      'ftp://example.com',
      'notes/a.md',
      '#anchor',
      '//example.com',
      'http://',
      'http:example.com',
      'https://exa mple.com',
      'https://example.com/a\tb',
      'https://example.com/a\u00a0b',
      'http://999.1.1.1/',
      'http://a:99999/',
      'mailto:',
      'mailto:?subject=x',
      '',
    ]) {
      expect(isAllowedLinkUrl(url), url).toBe(false);
    }
  });
});
