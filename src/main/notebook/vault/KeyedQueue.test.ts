import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './KeyedQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('KeyedQueue', () => {
  it('runs tasks on one key one at a time, in order', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([
      queue.run('a', task('1')),
      queue.run('a', task('2')),
      queue.run('a', task('3')),
    ]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('runs tasks on different keys in parallel', async () => {
    const queue = new KeyedQueue();
    let release: () => void = () => undefined;
    const blocked = queue.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(queue.run('b', async () => 'b done')).resolves.toBe('b done');
    release();
    await blocked;
  });

  it('makes a task on several keys wait for each of them, without deadlock', async () => {
    const queue = new KeyedQueue();
    const log: string[] = [];
    const a = queue.run('a', async () => {
      await tick();
      log.push('a');
    });
    const ab = queue.run(['a', 'b'], async () => log.push('ab'));
    const ba = queue.run(['b', 'a'], async () => log.push('ba'));
    const b = queue.run('b', async () => log.push('b'));
    await Promise.all([a, ab, ba, b]);
    expect(log).toEqual(['a', 'ab', 'ba', 'b']);
  });

  it('keeps going after a failed task, and forgets idle keys', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', async () => {
      throw new Error('boom');
    });
    const next = queue.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    await queue.idle();
    expect(queue.busy).toBe(false);
  });
});
