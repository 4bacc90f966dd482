import { describe, expect, it } from 'vitest';
import { originOf } from './originOf';

describe('originOf', () => {
  it.each([
    ['app://renderer/index.html', 'app://renderer'],
    ['APP://Renderer/x', 'app://renderer'],
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['https://example.com/a?b#c', 'https://example.com'],
  ])('%s has origin %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it.each([
    'about:blank',
    'data:text/html,x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    '',
    'app://user:pw@renderer/',
  ])('%s has no trusted origin', (url) => {
    expect(originOf(url)).toBeNull();
  });
});
