import { NotebookError } from '../errors';

/**
 * The NotebookError a call was refused with, for tests that assert on its code and message.
 *
 * @throws Error when the call succeeded, or failed with anything but a NotebookError.
 */
export async function refusal(promise: Promise<unknown>): Promise<NotebookError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotebookError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused with a NotebookError');
}
