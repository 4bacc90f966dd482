import { describe, expect, it } from 'vitest';
import { definitionsOffIn, withDefinitions } from './noteDefinitions';
import { isNoisyTermName } from './termNames';

describe('the per-note switch of definitions', () => {
  it('reads `definitions: false` (and off/no) as off, anything else as on', () => {
    expect(definitionsOffIn('')).toBe(false);
    expect(definitionsOffIn('---\ntitle: x\n---\n')).toBe(false);
    expect(definitionsOffIn('---\ndefinitions: false\n---\n')).toBe(true);
    expect(definitionsOffIn('---\ndefinitions: off\n---\n')).toBe(true);
    expect(definitionsOffIn('---\ndefinitions: true\n---\n')).toBe(false);
    expect(definitionsOffIn('---\ndefinitions: [\n')).toBe(false);
  });

  it('adds, sets and removes the property, keeping the rest as written', () => {
    const off = withDefinitions('', false);
    expect(off).toBe('---\ndefinitions: false\n---\n');
    expect(definitionsOffIn(off)).toBe(true);
    expect(withDefinitions(off, true)).toBe('');
    const kept = '---\n# mine\ntags: [a]\n---\n';
    const keptOff = withDefinitions(kept, false);
    expect(keptOff).toBe('---\n# mine\ntags: [a]\ndefinitions: false\n---\n');
    expect(withDefinitions(keptOff, true)).toBe(kept);
    expect(withDefinitions('---\ndefinitions: true\n---\n', false)).toBe('---\ndefinitions: false\n---\n');
    expect(withDefinitions('---\r\na: 1\r\n---\r\n', false, '\r\n')).toBe(
      '---\r\na: 1\r\ndefinitions: false\r\n---\r\n',
    );
  });
});

describe('names left out of definitions in notes', () => {
  it('drops one-word function words and names of at most two letters', () => {
    for (const name of ['The', 'of', 'A', 'It', 'Go', 'pH', ' and ', '—'])
      expect(isNoisyTermName(name), name).toBe(true);
    for (const name of ['GABA', 'cell', 'Vitamin C', 'Of Mice and Men', 'DNA', 'Synapse']) {
      expect(isNoisyTermName(name), name).toBe(false);
    }
  });
});
