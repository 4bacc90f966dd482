import { describe, expect, it } from 'vitest';
import { fsError } from '../fs/testing/faultyVaultFs';
import { ioFailure } from './ioFailure';

describe('ioFailure', () => {
  it.each([
    ['EACCES', 'permission denied'],
    ['EPERM', 'permission denied'],
    ['EROFS', 'read-only disk'],
    ['ENOSPC', 'the disk is full'],
    ['EDQUOT', 'quota'],
    ['EIO', 'read or write error'],
    ['EWHATEVER', 'refused (EWHATEVER)'],
  ])('words %s for the user', (code, words) => {
    const error = ioFailure('Could not save "Cells"', fsError(code, 'open', '/v/Cells.md'), '/v', false, 'Try again.');
    expect(error.code).toBe('io-failure');
    expect(error.message).toContain(`Could not save "Cells": `);
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/Try again\.$/);
    // No raw errno text or paths from inside the error leak into the message.
    expect(error.message).not.toContain('/v/Cells.md');
  });

  it('says the vault is gone when it is', () => {
    expect(ioFailure('Could not save "x"', fsError('ENOENT', 'open', '/v/x.md'), '/v', true).message).toContain(
      'the vault folder /v is gone',
    );
  });
});
