import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../api/testing/fakeClient';
import { hostSeenFrom } from '../../editor/plugins/wikiLinkHost';
import { createNoteLinkHost } from './noteLinkHost';

describe('the link host of a note, seen from a note embedded in it', () => {
  it('resolves, previews and embeds from the embedded note, and opens its own headings', async () => {
    const api = fakeClient({
      resolveLinks: async ({ targets }) => targets.map(() => null),
      getLinkPreview: async () => null,
      getEmbed: async () => null,
    });
    const onOpenWikiLink = vi.fn();
    const host = createNoteLinkHost(api, 'Hub.md', 12, () => ({ onOpenWikiLink, onNotice: vi.fn() }));
    const inner = hostSeenFrom(host, 'Bio/Cells.md');
    expect(inner).not.toBe(host);
    expect(hostSeenFrom(host, 'Bio/Cells.md')).toBe(inner);
    expect(hostSeenFrom(host, 'Hub.md')).toBe(host);
    expect([inner.notePath, inner.bodyOffset]).toEqual(['Bio/Cells.md', 0]);

    await inner.resolveLinks(['Membranes']);
    await host.resolveLinks(['Membranes']);
    expect(api.resolveLinks.mock.calls.map(([args]) => args.from)).toEqual(['Bio/Cells.md', 'Hub.md']);
    await inner.getLinkPreview('Membranes');
    expect(api.getLinkPreview).toHaveBeenLastCalledWith({ target: 'Membranes', from: 'Bio/Cells.md' });
    await inner.getEmbed?.('Membranes', null);
    expect(api.getEmbed).toHaveBeenLastCalledWith({ target: 'Membranes', from: 'Bio/Cells.md' });

    // `[[#Organelles]]` inside the embedded note opens that note, not the one around it.
    inner.openLink({ target: '', heading: 'Organelles', resolved: null });
    expect(onOpenWikiLink).toHaveBeenLastCalledWith({
      target: 'Cells',
      heading: 'Organelles',
      resolved: { ref: { kind: 'note', path: 'Bio/Cells.md' }, kind: 'note', title: 'Cells' },
    });
    host.openLink({ target: '', heading: 'Top', resolved: null });
    expect(onOpenWikiLink).toHaveBeenLastCalledWith({ target: '', heading: 'Top', resolved: null });
  });
});
