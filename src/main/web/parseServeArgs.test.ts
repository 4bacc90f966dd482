import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './parseServeArgs';

describe('parseServeArgs', () => {
  it('defaults to a free port and no vault', () => {
    expect(parseServeArgs([])).toEqual({ port: 0, help: false });
  });

  it('reads --vault, --port and --state-dir in both spellings', () => {
    expect(parseServeArgs(['--vault', '/tmp/v', '--port=8123', '--state-dir=/tmp/s'])).toEqual({
      vault: '/tmp/v',
      port: 8123,
      stateDir: '/tmp/s',
      help: false,
    });
  });

  it.each([
    [['--port', 'abc'], '--port must be a number'],
    [['--port', '70000'], '--port must be a number'],
    [['--vault'], '--vault needs a value'],
    [['--vault='], '--vault needs a value'],
    [['--frobnicate'], 'Unknown option "--frobnicate"'],
  ])('explains %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});
