import { request, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { IndexStatus, SearchResults, SwitcherItem } from '@shared/domain/search';
import { openFixtureNotebook } from '../notebook/search/testing/fixtureVault';
import { contractSuite } from '../testing/contractSuite';
import { valueOf } from '../testing/contractTargets';
import { sessionHeaders } from '../testing/httpSession';

/**
 * The search methods of the contract (search, quickSwitch, getIndexStatus) and the
 * index-status event, over the in-process dispatcher and the HTTP host, on the fixture
 * vault with the shipped glossary.
 */
const suite = contractSuite(async () => {
  const { service, cleanup } = await openFixtureNotebook();
  return { service, close: cleanup };
});
const targets = suite.targets;

describe.each(targets)('the search methods over the $name', (target) => {
  it('searches notes and glossary entries, with snippets, terms and the index status', async () => {
    const results = valueOf<SearchResults>(await target.call('search', { query: 'glutamate', limit: 5 }));
    expect(results.hits).toHaveLength(5);
    expect(results.total).toBeGreaterThan(5);
    expect(results.status).toEqual({ state: 'ready', indexed: 44, total: 44, entries: { indexed: 5, total: 5 } });
    expect(new Set(results.hits.map((hit) => hit.kind))).toEqual(new Set(['entry', 'note']));
    for (const hit of results.hits) {
      expect(hit.terms).toContain('glutamate');
      expect(hit.snippets.length).toBeGreaterThan(0);
      const [start, end] = hit.snippets[0]!.highlights[0]!;
      expect(hit.snippets[0]!.text.slice(start, end).toLowerCase()).toBe('glutamate');
    }
  });

  it('limits the search to a scope', async () => {
    const results = valueOf<SearchResults>(await target.call('search', { query: 'balance', scope: 'glossary' }));
    expect(results.hits.length).toBe(5);
    expect(results.hits.every((hit) => hit.ref.kind === 'entry')).toBe(true);
  });

  it('answers malformed queries instead of failing', async () => {
    for (const query of ['"unclosed', '-', 'OR', 'in:', '"" -- OR', 'tag:']) {
      const envelope = await target.call('search', { query });
      expect(envelope.ok, query).toBe(true);
    }
  });

  it('refuses invalid arguments', async () => {
    for (const args of [
      {},
      { query: 42 },
      { query: 'x', limit: 0 },
      { query: 'x', limit: 501 },
      { query: 'x', scope: 'everywhere' },
      { query: 'x'.repeat(1001) },
    ]) {
      await expect(target.call('search', args), JSON.stringify(args).slice(0, 40)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-arguments' },
      });
    }
    await expect(target.call('quickSwitch', { query: 'x', limit: 1000 })).resolves.toMatchObject({ ok: false });
  });

  it('switches by forgiving title and alias matches', async () => {
    const items = valueOf<SwitcherItem[]>(await target.call('quickSwitch', { query: 'citric', limit: 3 }));
    expect(items[0]).toMatchObject({
      ref: { kind: 'note', path: 'Biology/Krebs Cycle.md' },
      kind: 'note',
      title: 'Krebs Cycle',
      folder: 'Biology',
      matchedAlias: 'Citric Acid Cycle',
      highlights: [[0, 6]],
    });
    const recent = valueOf<SwitcherItem[]>(await target.call('quickSwitch', { query: '' }));
    expect(recent.length).toBeGreaterThan(0);
  });

  it('reports the index status', async () => {
    expect(valueOf<IndexStatus>(await target.call('getIndexStatus', null))).toMatchObject({ state: 'ready' });
  });
});

describe('the index-status event over the HTTP host', () => {
  it('is pushed when the index changes', async () => {
    const before = await suite.service.getIndexStatus();
    const frames: string[] = [];
    const headers = await sessionHeaders(suite.host);
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: suite.host.port,
          path: '/api/events',
          headers,
        },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
    try {
      const received = new Promise<IndexStatus>((resolve) => {
        stream.on('data', (chunk: Buffer) => {
          frames.push(chunk.toString('utf8'));
          const match = /event: index-status\ndata: (.*)\n/.exec(frames.join(''));
          if (match) resolve(JSON.parse(match[1]!) as IndexStatus);
        });
      });
      await suite.service.createNote({ title: 'Event Check', content: 'ocelotneuron' });
      await expect(received).resolves.toEqual({
        ...before,
        state: 'ready',
        indexed: before.indexed + 1,
        total: before.total + 1,
      });
    } finally {
      stream.destroy();
    }
  });
});
