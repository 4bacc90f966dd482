import { NotebookError } from '@shared/api/errors';
import { errorCode } from '../fs/VaultFs';

/**
 * What a file-system error means for the user, in their words, with what to do next.
 * `vaultGone` says whether the vault folder itself has disappeared (checked by the caller,
 * since ENOENT alone cannot tell a missing note folder from a missing vault).
 */
export function describeIoError(error: unknown, vaultPath: string, vaultGone: boolean): string {
  const code = errorCode(error);
  if (vaultGone) {
    return `the vault folder ${vaultPath} is gone (moved, deleted, or on a drive that was disconnected)`;
  }
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the app may not write in this folder';
    case 'EROFS':
      return 'the vault is on a read-only disk';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'your disk quota is used up';
    case 'ENOENT':
    case 'ENOTDIR':
      return "the note's folder no longer exists";
    case 'EBUSY':
    case 'ETXTBSY':
      return 'the file is locked by another program';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'ENAMETOOLONG':
      return 'the file name is too long for this disk';
    case 'EIO':
      return 'the disk reported a read or write error';
    default:
      return `the file system refused${code ? ` (${code})` : ''}`;
  }
}

/** Error codes that mean "the disk refused", as opposed to a bug. */
export function isIoError(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && /^E[A-Z]+$/.test(code);
}

/** An io-failure NotebookError: `<what> failed: <why>. <advice>` */
export function ioFailure(
  what: string,
  error: unknown,
  vaultPath: string,
  vaultGone: boolean,
  advice = '',
): NotebookError {
  const why = describeIoError(error, vaultPath, vaultGone);
  return new NotebookError('io-failure', `${what}: ${why}.${advice ? ` ${advice}` : ''}`);
}
