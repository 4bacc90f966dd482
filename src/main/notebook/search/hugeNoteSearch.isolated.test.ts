/**
 * A note over the megabyte that search results show and check: found by words past that
 * point too, its snippets from its first megabyte, and its text analysed once for the index,
 * the links and the results together (see SearchService.sourceOf).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeNote } from '@shared/markdown/analyzeNote';
import type { NotebookService } from '../openNotebook';
import { openFixtureNotebook } from './testing/fixtureVault';

vi.mock('@shared/markdown/analyzeNote', async (original) => {
  const module = await original<{ analyzeNote: typeof analyzeNote }>();
  return { ...module, analyzeNote: vi.fn(module.analyzeNote) };
});

describe('a note of over a megabyte', () => {
  let service: NotebookService;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ service, cleanup } = await openFixtureNotebook());
  });
  afterAll(async () => cleanup());

  it('is found by its first and last words, its text analysed once, its snippets from its first megabyte', async () => {
    const paragraph = 'Myelin speeds the conduction of signals along the axon of a neuron. '.repeat(8);
    const blocks = Array.from({ length: 2400 }, (_, i) => `${i % 50 === 0 ? `## Part ${i}\n\n` : ''}${paragraph}`);
    const content = `qzxhugestart ${blocks.join('\n\n')}\n\nqzxhugeend\n`;
    expect(content.length).toBeGreaterThan(1024 * 1024);
    const analyzed = vi.mocked(analyzeNote);
    const created = await service.createNote({ title: 'Huge', content });
    const calls = () => analyzed.mock.calls.filter(([text]) => text.includes('qzxhugestart')).length;

    const end = await service.search({ query: 'qzxhugeend' });
    expect(end.hits.map((hit) => hit.ref)).toEqual([{ kind: 'note', path: created.path }]);
    const start = await service.search({ query: 'qzxhugestart' });
    expect(start.hits[0]!.ref).toEqual({ kind: 'note', path: created.path });
    expect(start.hits[0]!.snippets[0]!.text).toContain('qzxhugestart');
    expect(calls()).toBe(1);
  });
});
