import { describe, expect, it } from 'vitest';
import type { AttachmentInfo } from '@shared/domain/attachments';
import { fakeClient } from '../../api/testing/fakeClient';
import { createNoteMediaHost } from './noteMediaHost';

const image = (path: string): AttachmentInfo => ({ path, size: 10, kind: 'image', width: 640, height: 360 });

describe('the media host of a note', () => {
  it('looks a note’s attachments up before they are shown: the first screen’s, then the rest, each once', async () => {
    const api = fakeClient({
      getPreferences: async () => ({}),
      resolveAttachments: async ({ targets }) =>
        targets.map((target) => (target === 'gone.png' ? null : image(target))),
    });
    const host = createNoteMediaHost(api, 'Lecture.md', () => undefined);
    const targets = [...Array.from({ length: 30 }, (_, i) => `figure ${i}.png`), 'gone.png'];
    expect(host.knownAttachment?.('figure 0.png')).toBeUndefined();
    host.prefetchAttachments(targets);
    const asked = api.resolveAttachments.mock.calls.map(([args]) => args.targets);
    expect(asked).toEqual([targets.slice(0, 12), targets.slice(12)]);
    expect(api.resolveAttachments.mock.calls.every(([args]) => args.from === 'Lecture.md')).toBe(true);

    // An image shown once they are answered: known at once, with no call of its own.
    expect(await host.resolveAttachment(' figure 20.png ')).toEqual(image('figure 20.png'));
    await host.resolveAttachment('gone.png');
    expect(host.knownAttachment?.('figure 3.png')).toEqual(image('figure 3.png'));
    expect(host.knownAttachment?.('gone.png')).toBeNull();
    host.prefetchAttachments(targets);
    expect(api.resolveAttachments).toHaveBeenCalledTimes(2);

    // One the note did not name is asked for when shown.
    expect(host.knownAttachment?.('new.png')).toBeUndefined();
    expect(await host.resolveAttachment('new.png')).toEqual(image('new.png'));
    expect(api.resolveAttachments).toHaveBeenCalledTimes(3);
  });
});
