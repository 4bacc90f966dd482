import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './parseServeArgs';

describe('parseServeArgs', () => {
  it('defaults to a free port and no vault', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, help: false, allowVaults: [] });
  });

  it('reads --vault, --port and --state-dir in both spellings', () => {
    expect(parseServeArgs(['--vault', '/tmp/v', '--port=8123', '--state-dir=/tmp/s'])).toEqual({
      vault: '/tmp/v',
      port: 8123,
      stateDir: '/tmp/s',
      help: false,
      allowVaults: [],
    });
  });

  it('reads --glossary, the folder of entries to serve instead of the shipped glossary', () => {
    expect(parseServeArgs(['--glossary', '/tmp/pack'])).toMatchObject({ port: 0, glossary: '/tmp/pack', help: false });
    expect(parseServeArgs(['--glossary=/tmp/pack']).glossary).toBe('/tmp/pack');
  });

  it('reads every --allow-vault, the folders the page may also open as vaults', () => {
    expect(parseServeArgs(['--allow-vault', '/tmp/a', '--allow-vault=/tmp/b']).allowVaults).toEqual([
      '/tmp/a',
      '/tmp/b',
    ]);
  });

  it.each([
    [['--allow-vault'], '--allow-vault needs a value'],
    [['--glossary'], '--glossary needs a value'],
    [['--port', 'abc'], '--port must be a number'],
    [['--port', '70000'], '--port must be a number'],
    [['--vault'], '--vault needs a value'],
    [['--vault='], '--vault needs a value'],
    [['--frobnicate'], 'Unknown option "--frobnicate"'],
  ])('explains %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(message);
  });

  it('takes a flag after a flag as a missing value, not as the value', () => {
    expect(() => parseServeArgs(['--vault', '--port', '8123'])).toThrow('--vault needs a value');
    expect(parseServeArgs(['--vault=--odd-folder']).vault).toBe('--odd-folder');
  });

  it('reads -h and --help, and refuses stray arguments', () => {
    expect(parseServeArgs(['-h']).help).toBe(true);
    expect(parseServeArgs(['--help']).help).toBe(true);
    expect(() => parseServeArgs(['notes'])).toThrow('Unknown option "notes"');
    expect(() => parseServeArgs(['--port=1', '--', '--vault', 'x'])).toThrow('Unknown option "--"');
  });
});
