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
    await vi.waitFor(() => expect(last()).toEqual({ types: { due: 'date' }, problem: null }), { timeout: 5000 });

    writeFileSync(join(vault, '.obsidian', 'types.json'), '{"types":{"due":"date","pages":"number"}}\n');
    await vi.waitFor(() => expect(last()?.types).toEqual({ due: 'date', pages: 'number' }), { timeout: 5000 });

    writeFileSync(join(vault, '.obsidian', 'types.json'), '{ not json');
    await vi.waitFor(() => expect(last()?.problem).toMatch(/types\.json/), { timeout: 5000 });
    expect(last()?.types).toEqual({});

    rmSync(join(vault, '.obsidian', 'types.json'));
    await vi.waitFor(() => expect(last()).toEqual({ types: {}, problem: null }), { timeout: 5000 });

    stop();
    const count = seen.length;
    writeFileSync(join(vault, '.obsidian', 'types.json'), '{"types":{"late":"text"}}');
    // A later change is not reported: a watcher still running would see it within a few polls.
    const other: PropertyTypesInfo[] = [];
    stops.push(watchPropertyTypes(vault, (info) => other.push(info), 20));
    writeFileSync(join(vault, '.obsidian', 'types.json'), '{"types":{"later":"text"}}\n');
    await vi.waitFor(() => expect(other.length).toBeGreaterThan(0), { timeout: 5000 });
    expect(seen.length).toBe(count);
  });
});
