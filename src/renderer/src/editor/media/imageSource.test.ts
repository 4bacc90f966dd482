import { describe, expect, it } from 'vitest';
import { readImageLabel, withImageWidth } from './imageSource';

describe('withImageWidth', () => {
  it('writes the width into the label as Obsidian does, changing nothing else', () => {
    expect(withImageWidth('![[x.png]]', 240)).toBe('![[x.png|240]]');
    expect(withImageWidth('![[x.png|200]]', 240.4)).toBe('![[x.png|240]]');
    expect(withImageWidth('![[x.png|200x100]]', 240)).toBe('![[x.png|240]]');
    expect(withImageWidth('![[sub/x y.png|A cell|100]]', 240)).toBe('![[sub/x y.png|A cell|240]]');
    expect(withImageWidth('![[x.png|A cell]]', 240)).toBe('![[x.png|A cell|240]]');
    expect(withImageWidth('![[x.png\\|100]]', 240)).toBe('![[x.png\\|240]]');
    expect(withImageWidth('![Mitosis](figures/m%20p.png "t")', 240)).toBe('![Mitosis|240](figures/m%20p.png "t")');
    expect(withImageWidth('![Mitosis|100](m.png)', 240)).toBe('![Mitosis|240](m.png)');
    expect(withImageWidth('![](m.png)', 240)).toBe('![|240](m.png)');
    expect(withImageWidth('![100x50](m.png)', 240)).toBe('![240](m.png)');
  });
});

describe('readImageLabel', () => {
  it('reads sizes, captions and alt texts', () => {
    expect(readImageLabel(null)).toEqual({ text: '' });
    expect(readImageLabel('200')).toEqual({ text: '', width: 200 });
    expect(readImageLabel('200x100')).toEqual({ text: '', width: 200, height: 100 });
    expect(readImageLabel('A cell|240')).toEqual({ text: 'A cell', width: 240 });
    expect(readImageLabel('A cell')).toEqual({ text: 'A cell' });
    expect(readImageLabel('|240')).toEqual({ text: '', width: 240 });
  });
});
