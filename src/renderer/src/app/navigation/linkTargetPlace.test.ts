import { describe, expect, it } from 'vitest';
import { linkTargetPlace } from './linkTargetPlace';

describe('linkTargetPlace', () => {
  it('reads a folder and a title from a link target', () => {
    expect(linkTargetPlace('Physics')).toEqual({ title: 'Physics', folder: '' });
    expect(linkTargetPlace(' Courses/Physics.md ')).toEqual({ title: 'Physics', folder: 'Courses' });
    expect(linkTargetPlace('Courses\\Year 1\\Optics')).toEqual({ title: 'Optics', folder: 'Courses/Year 1' });
    expect(linkTargetPlace('/Optics')).toEqual({ title: 'Optics', folder: '' });
  });
});
