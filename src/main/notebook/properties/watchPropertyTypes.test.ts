import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PropertyTypesInfo } from '@shared/domain/propertyTypes';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../../testing/tempDirs';
import { watchPropertyTypes } from './watchPropertyTypes';

describe('watchPropertyTypes', () => {
  const dirs = tempDirs();
  const stops: Array<() => void> = [];
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    dirs.cleanup();
  });

  it('reports types.json created, edited and removed outside the app, and nothing once stopped', async () => {
    const vault = dirs.make('sn-types-watch-');
    const seen: PropertyTypesInfo[] = [];
    const stop = watchPropertyTypes(vault, (info) => seen.push(info), 20);
    stops.push(stop);
    const last = () => seen[seen.length - 1];

    // Neither the file nor its folder exists yet.
    mkdirSync(join(vault, '.obsidian'));
    writeFileSync(join(vault, '.obsidian', 'types.json'), '{"types":{"due":"date"}}');
    await vi.waitFor(() => expect(last()).toEqual({ types: { due: 'date' }, problem: null }), { timeout: 10_000 });

    writeFileSync(join(vault, '.obsidian', 'types.json'), '{"types":{"due":"date","pages":"number"}}\n');
    await vi.waitFor(() => expect(last()?.types).toEqual({ due: 'date', pages: 'number' }), { timeout: 10_000 });

    writeFileSync(join(vault, '.obsidian', 'types.json'), '{ not json');
    await vi.waitFor(() => expect(last()?.problem).toMatch(/types\.json/), { timeout: 10_000 });
    expect(last()?.types).toEqual({});

    rmSync(join(vault, '.obsidian', 'types.json'));
    await vi.waitFor(() => expect(last()).toEqual({ types: {}, problem: null }), { timeout: 10_000 });

    // A second watcher, started while the first still runs (so it polls from the same known
    // state), sees the next change; the first, stopped, reports nothing more.
    const other: PropertyTypesInfo[] = [];
    stops.push(watchPropertyTypes(vault, (info) => other.push(info), 20));
    stop();
    const count = seen.length;
    writeFileSync(join(vault, '.obsidian', 'types.json'), '{"types":{"later":"text"}}\n');
    await vi.waitFor(() => expect(other.at(-1)?.types).toEqual({ later: 'text' }), { timeout: 10_000 });
    expect(seen.length).toBe(count);
  });
});
