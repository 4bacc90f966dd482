/**
 * Runs tasks one at a time per key and in parallel across keys. A task holding several
 * keys (a rename holds the old and the new path) waits for every earlier task on any of
 * them. Keys are registered synchronously when the task is queued, so tasks on shared
 * keys run in the order they were queued and can never deadlock.
 *
 * A task that fails does not stop the tasks queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(keys: string | readonly string[], task: () => Promise<T>): Promise<T> {
    const list = [...new Set(typeof keys === 'string' ? [keys] : keys)];
    const before = list.map((key) => this.tails.get(key) ?? Promise.resolve());
    const result = Promise.all(before).then(task);
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    for (const key of list) {
      this.tails.set(key, done);
      void done.then(() => {
        // Forget a key once nothing more is queued on it, so the map does not grow.
        if (this.tails.get(key) === done) this.tails.delete(key);
      });
    }
    return result;
  }

  /** Resolves when every task queued so far has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  /** Whether any task is queued or running. */
  get busy(): boolean {
    return this.tails.size > 0;
  }
}
