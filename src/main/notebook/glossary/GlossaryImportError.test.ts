import { describe, expect, it } from 'vitest';
import { GlossaryImportError } from './GlossaryImportError';

describe('GlossaryImportError', () => {
  it('names the file first, then the problem', () => {
    const error = new GlossaryImportError('004_x.txt', 'no "Mechanism" section found');
    expect(error.message).toBe('004_x.txt: no "Mechanism" section found');
    expect(error.fileName).toBe('004_x.txt');
    expect(error.problem).toBe('no "Mechanism" section found');
  });

  it('is an Error that can be told apart by class and by name', () => {
    const error = new GlossaryImportError('a.txt', 'file is empty');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(GlossaryImportError);
    expect(error.name).toBe('GlossaryImportError');
  });
});
