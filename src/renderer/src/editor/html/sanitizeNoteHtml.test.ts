/**
 * The note HTML sanitizer against the injection corpus and the ways a style or a link could
 * load, run or navigate: what it returns is inert.
 */
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';
import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../../../../e2e/fixtures/injectionPayloads';
import { isEmptyFragment, safeStyle, sanitizeNoteHtml } from './sanitizeNoteHtml';

const ALLOWED_ATTRIBUTES = new Set([
  'href',
  'title',
  'align',
  'colspan',
  'rowspan',
  'color',
  'open',
  'style',
  'start',
  'reversed',
]);
const ACTIVE =
  'script, style, iframe, frame, object, embed, img, svg, math, video, audio, source, link, meta, base, form, input, button, textarea, select, template';

function inert(html: string): void {
  const host = document.createElement('div');
  host.append(sanitizeNoteHtml(html));
  expect(host.querySelector(ACTIVE), html).toBeNull();
  for (const element of host.querySelectorAll('*')) {
    for (const { name, value } of element.attributes) {
      expect(ALLOWED_ATTRIBUTES.has(name), `${name} in ${html}`).toBe(true);
      if (name === 'href') expect(isAllowedLinkUrl(value), value).toBe(true);
      if (name === 'style') expect(value).not.toMatch(/url|expression|\\\\|var\(|@import|position/i);
    }
  }
}

describe('sanitizeNoteHtml', () => {
  it('leaves every payload of the injection corpus inert', () => {
    for (const payload of PAYLOADS) inert(payload.markdown);
  });

  it('keeps structure and simple formatting, drops what loads, runs, places or dresses up', () => {
    inert('<a href="javascript:alert(1)">x</a><a href=" JaVaScRiPt:alert(1)">y</a><a href="data:text/html,x">z</a>');
    inert('<span style="background:url(https://t.example/p.png)">a</span><div style="position:fixed;top:0">b</div>');
    inert(
      '<p style="color: expression(alert(1))">c</p><p style="color: \\\\72 ed">d</p><p style="color: var(--x)">e</p>',
    );
    inert('<form action="https://t.example"><input name=a></form><button>f</button>');
    const host = document.createElement('div');
    host.append(
      sanitizeNoteHtml(
        '<center><b>Bold</b> <u>under</u> <sup>2</sup></center><table><tr><td colspan="2">cell</td></tr></table>',
      ),
    );
    expect(host.querySelector('center b')?.textContent).toBe('Bold');
    expect(host.querySelector('td')?.getAttribute('colspan')).toBe('2');
  });

  it('keeps only colour and text styling from a style attribute', () => {
    expect(safeStyle('color: #c00; font-weight: bold; position: absolute; background-color: rgb(1, 2, 3)')).toBe(
      'color: #c00; font-weight: bold; background-color: rgb(1, 2, 3)',
    );
    expect(safeStyle('background-image: url(x); color: red !important')).toBe('');
  });

  it('says when nothing would show (a comment, a script, an image alone)', () => {
    expect(isEmptyFragment(sanitizeNoteHtml('<!-- note to self -->'))).toBe(true);
    expect(isEmptyFragment(sanitizeNoteHtml('<script>alert(1)</script>'))).toBe(true);
    expect(isEmptyFragment(sanitizeNoteHtml('<div><img src=x></div>'))).toBe(true);
    expect(isEmptyFragment(sanitizeNoteHtml('<hr>'))).toBe(false);
    expect(isEmptyFragment(sanitizeNoteHtml('<h1>Title</h1>'))).toBe(false);
  });
});
