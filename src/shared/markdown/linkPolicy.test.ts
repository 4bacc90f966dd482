import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, toExternalUrl } from './linkPolicy';

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

// Moved from LinkGuardPlugin.test.tsx: the editor's guard uses this policy now.
describe('isAllowedLinkUrl, as the editor guard uses it', () => {
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

// Moved from src/main/electron/security.test.ts: the desktop's external-URL check is this policy.
describe('toExternalUrl', () => {
  it.each(['https://example.com/a?b=c', 'http://example.com', 'mailto:someone@example.com'])('allows %s', (url) => {
    expect(toExternalUrl(url)).not.toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'app://renderer/index.html',
    'smb://server/share',
    'ms-settings:',
    'vscode://file/etc',
    'https://user:secret@example.com',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(toExternalUrl(url)).toBeNull();
  });
});

describe('mailto: links', () => {
  it.each([
    ['mailto:someone@example.com', 'mailto:someone@example.com'],
    ['mailto:someone@example.com?attach=/home/me/.ssh/id_rsa', 'mailto:someone@example.com'],
    [
      'mailto:someone@example.com?subject=Hi%20there&attachment=C:%5Csecret.txt&body=See+you',
      'mailto:someone@example.com?subject=Hi%20there&body=See+you',
    ],
    ['mailto:a@example.com?ATTACH=/etc/passwd&%61ttach=/etc/shadow&Attach%20=x', 'mailto:a@example.com'],
    [
      'mailto:a@example.com,b@example.com?cc=c@example.com&bcc=d@example.com&to=e@example.com',
      'mailto:a@example.com,b@example.com?cc=c@example.com&bcc=d@example.com&to=e@example.com',
    ],
    [
      'mailto:a@example.com?from=boss@example.com&in-reply-to=x&X-Mailer=y&subject=ok',
      'mailto:a@example.com?subject=ok',
    ],
    ['mailto:a@example.com?subject=%E0%A4%A&attach=x', 'mailto:a@example.com?subject=%E0%A4%A'],
    ['mailto:a@example.com?%ZZ=1&body=x#frag', 'mailto:a@example.com?body=x'],
    ['mailto:?to=a@example.com&attach=/etc/passwd', 'mailto:?to=a@example.com'],
  ])('%s opens as %s: only recipients, subject and body', (url, expected) => {
    expect(toExternalUrl(url)).toBe(expected);
  });

  it.each(['mailto:a@example.com%3Fattach=/etc/passwd', 'mailto:a@example.com%26attach=x', 'mailto:%E0%A4%A'])(
    'refuses %s, whose addresses hide fields or do not decode',
    (url) => {
      expect(toExternalUrl(url)).toBeNull();
    },
  );
});

describe('one policy', () => {
  it('makes a link of exactly what the desktop would open, and of no look-alike host', () => {
    for (const url of [
      'https://example.com/a b',
      '  https://example.org  ',
      'mailto:?to=a@example.com',
      'mailto:a@example.com%3Fattach=x',
      'https://bücher.example/',
      'https://xn--bcher-kva.example/',
      'https://user:pass@example.com/',
      'tel:+4912345',
    ]) {
      expect(isAllowedLinkUrl(url), url).toBe(toExternalUrl(url) !== null);
    }
    expect(toExternalUrl('https://bücher.example/')).toBeNull();
    expect(toExternalUrl('https://xn--bcher-kva.example/')).toBeNull();
    expect(toExternalUrl('  https://example.org  ')).toBe('https://example.org/');
  });
});
