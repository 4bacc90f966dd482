import { describe, expect, it } from 'vitest';
import { formatRows, run } from './searchBench';

describe('the search benchmark', () => {
  it('runs end to end on a small vault and reports every row', async () => {
    const rows = await run({ sizes: [300], reps: 1, saves: 5 });
    const names = rows.map((row) => row.name);
    for (const name of [
      'index build',
      'cache load',
      'index memory',
      'update per save p95',
      'typeahead p95 via worker',
    ]) {
      expect(names).toContain(name);
    }
    for (const category of ['one word', 'two words', 'typeahead', 'phrase', 'typo']) {
      expect(names).toContain(`query p95: ${category}`);
    }
    for (const row of rows) expect(Number.isFinite(row.ours), row.name).toBe(true);
    expect(formatRows(rows)).toContain('search benchmark: 300 notes');
  }, 60_000);
});
