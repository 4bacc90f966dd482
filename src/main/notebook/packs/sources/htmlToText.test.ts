import { describe, expect, it } from 'vitest';
import { htmlToText, looksLikeHtml } from './htmlToText';

describe('htmlToText', () => {
  it('keeps paragraphs, line breaks and list items, and decodes entities', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three<br>four&nbsp;five</p><ol><li>a</li><li>b</li></ol>tail')).toBe(
      'One & two\n\nThree\nfour five\n\n• a\n• b\n\ntail',
    );
    expect(htmlToText('<table><tr><th>Ion</th><th>Charge</th></tr><tr><td>Na</td><td>+1</td></tr></table>')).toBe(
      'Ion Charge\nNa +1',
    );
  });

  it('drops every tag and attribute, and the content of scripts, styles, frames and forms', () => {
    const text = htmlToText(
      '<b onclick="x()">bold</b> <a href="javascript:alert(1)">link</a><script>alert(1)</script><style>p{}</style>' +
        '<iframe src="//evil"></iframe><svg onload="x()"><text>svg</text></svg><img src=x onerror=alert(1)>' +
        '<img alt="a diagram"><textarea>typed</textarea>end',
    );
    expect(text).toBe('bold link a diagram end');
  });

  it('copes with malformed markup the way a browser would', () => {
    expect(htmlToText('<div>open <b>never closed <i>nested')).toBe('open never closed nested');
    expect(htmlToText('a < b and c > d, 1 &lt; 2')).toBe('a < b and c > d, 1 < 2');
    // Whatever a broken tag leaves is text: it is shown as text, never parsed as HTML again.
    expect(htmlToText('<scr<script>ipt>alert(1)</script>ok')).toBe('ipt>alert(1)ok');
  });
});

describe('looksLikeHtml', () => {
  it('tells markup from prose that merely uses angle brackets', () => {
    expect(looksLikeHtml('A <b>bold</b> claim')).toBe(true);
    expect(looksLikeHtml('line one<br>line two')).toBe(true);
    expect(looksLikeHtml('Tom &amp; Jerry')).toBe(true);
    expect(looksLikeHtml('if a < b and b > c')).toBe(false);
  });
});
