import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '@shared/security/contentSecurityPolicy';
import { devContentSecurityPolicy } from './devContentSecurityPolicy';

const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));

describe('devContentSecurityPolicy', () => {
  const dev = devContentSecurityPolicy('http://localhost:5173');

  it("allows Vite's inline preamble and its hot-reload socket, nothing else", () => {
    expect(directive(dev, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(directive(dev, 'connect-src')).toBe("connect-src 'self' ws://localhost:5173");
  });

  it('keeps every other directive of the production policy unchanged', () => {
    const others = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim())
        .filter((d) => !/^(script-src|connect-src) /.test(d));
    expect(others(dev)).toEqual(others(CONTENT_SECURITY_POLICY));
  });

  it('still refuses inline event handlers, whatever inline script it allows', () => {
    expect(directive(dev, 'script-src-attr')).toBe("script-src-attr 'none'");
  });

  it('leaves the production policy strict', () => {
    expect(directive(CONTENT_SECURITY_POLICY, 'script-src')).toBe("script-src 'self'");
  });
});
