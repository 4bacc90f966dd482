import { describe, expect, it } from 'vitest';
import { linkRecordOf } from './linkRecord';
import { suggestTags } from './suggestTags';

const NOTES = [
  '---\ntags: [biology/cells, exam]\n---\nMitosis #Biology/Cells and `#not-code` and [[x#heading]].\n',
  'Meiosis #biology/cells #exam #exam\n',
  'Photosynthesis #biology/plants #Physics\n',
  '# Heading\n\nSee https://example.org/#anchor and #exam\n\n```\n#code\n```\n',
].map((text, index) => linkRecordOf(`n${index}.md`, text));

describe('suggestTags', () => {
  it('reads inline and front matter tags once per note, outside code, links and URLs', () => {
    expect(NOTES.map((note) => note.tags)).toEqual([
      ['biology/cells', 'exam'],
      ['biology/cells', 'exam'],
      ['biology/plants', 'Physics'],
      ['exam'],
    ]);
  });

  it('ranks by use count, then prefix match, nested tags included', () => {
    expect(suggestTags(NOTES, '')).toEqual([
      { tag: 'exam', count: 3 },
      { tag: 'biology/cells', count: 2 },
      { tag: 'biology/plants', count: 1 },
      { tag: 'Physics', count: 1 },
    ]);
    expect(suggestTags(NOTES, 'p')).toEqual([
      { tag: 'Physics', count: 1 },
      { tag: 'biology/plants', count: 1 },
    ]);
    expect(suggestTags(NOTES, 'CEL')).toEqual([{ tag: 'biology/cells', count: 2 }]);
    expect(suggestTags(NOTES, '#bio', 1)).toEqual([{ tag: 'biology/cells', count: 2 }]);
    expect(suggestTags(NOTES, 'zzz')).toEqual([]);
  });
});
