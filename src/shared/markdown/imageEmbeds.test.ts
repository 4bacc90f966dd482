import { describe, expect, it } from 'vitest';
import { attachmentTargets } from './imageEmbeds';

describe('attachmentTargets', () => {
  it('lists the attachments a note embeds, in the order written, each once, as the editor names them', () => {
    const note = [
      '# Figures',
      '',
      'Text ![[b.png|200]] and ![chart](sub/x%20y.png "title") and ![[paper.pdf]].',
      '',
      '![[b.png]] again, ![[Other note]] (a note), ![[c.png#part]] (a heading), [[d.png]] (a link).',
      '',
      '![web](https://example.com/w.png) and ![[ a.jpg ]]',
    ].join('\n');
    expect(attachmentTargets(note)).toEqual(['b.png', 'sub/x y.png', 'paper.pdf', 'a.jpg']);
  });

  it('stops at the limit', () => {
    const note = Array.from({ length: 50 }, (_, i) => `![[figure ${i}.png]]`).join('\n\n');
    expect(attachmentTargets(note, 3)).toEqual(['figure 0.png', 'figure 1.png', 'figure 2.png']);
    expect(attachmentTargets('no images here')).toEqual([]);
    // Only the beginning of a huge note is read.
    expect(attachmentTargets(`![[first.png]]${' '.repeat(300 * 1024)}![[late.png]]`)).toEqual(['first.png']);
  });
});
