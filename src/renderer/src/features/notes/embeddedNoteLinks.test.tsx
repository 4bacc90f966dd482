/**
 * A note embedded in another: its links resolve from the embedded note (not the one around
 * it), and clicking one opens what it leads to from there.
 */
import type { ResolvedTarget } from '@shared/domain/links';
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../api/testing/fakeClient';
import { createNoteLinkHost } from './noteLinkHost';
import { EmbeddedNote } from '../../editor/embeds/EmbeddedNote';
import { embedKey } from '../../editor/embeds/embedScope';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

afterEach(cleanup);

const NEAR: ResolvedTarget = { ref: { kind: 'note', path: 'Bio/Membranes.md' }, kind: 'note', title: 'Membranes' };
const FAR: ResolvedTarget = { ref: { kind: 'note', path: 'Membranes.md' }, kind: 'note', title: 'Membranes' };

describe('EmbeddedNote', () => {
  it('resolves and opens its links from the embedded note’s own folder', async () => {
    // Two notes called Membranes: the one beside each note is the one its links reach.
    const api = fakeClient({
      resolveLinks: async ({ targets, from }) => targets.map(() => (from?.startsWith('Bio/') ? NEAR : FAR)),
    });
    const onOpenWikiLink = vi.fn();
    const host = createNoteLinkHost(api, 'Hub.md', 0, () => ({ onOpenWikiLink, onNotice: vi.fn() }));
    const scope = {
      host: host.seenFrom!('Bio/Cells.md'),
      from: 'Bio/Cells.md',
      chain: [embedKey({ kind: 'note', path: 'Hub.md' }, null), embedKey({ kind: 'note', path: 'Bio/Cells.md' }, null)],
      Content: EmbeddedNote,
    };
    const view = render(
      <EmbeddedNote
        markdown={'See [[Membranes]] and [[#Organelles]].\n'}
        path="Bio/Cells.md"
        scope={scope}
        label="Embedded: Cells"
      />,
    );
    const link = await waitFor(() => {
      const found = view.container.querySelector<HTMLElement>('[data-wiki-target="Membranes"]');
      expect(found?.dataset.linkKind).toBe('note');
      return found!;
    });
    expect(api.resolveLinks).toHaveBeenCalledWith({ targets: ['Membranes'], from: 'Bio/Cells.md' });
    await act(async () => fireEvent.click(link));
    await waitFor(() => expect(onOpenWikiLink).toHaveBeenCalled());
    expect(onOpenWikiLink).toHaveBeenLastCalledWith({ target: 'Membranes', heading: null, resolved: NEAR });
    await act(async () => fireEvent.click(view.container.querySelector<HTMLElement>('[data-wiki-target=""]')!));
    await waitFor(() =>
      expect(onOpenWikiLink).toHaveBeenLastCalledWith({
        target: 'Cells',
        heading: 'Organelles',
        resolved: { ref: { kind: 'note', path: 'Bio/Cells.md' }, kind: 'note', title: 'Cells' },
      }),
    );
  });
});
