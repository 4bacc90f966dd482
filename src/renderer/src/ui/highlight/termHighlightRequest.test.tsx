import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_MATCH_HIGHLIGHT, MATCH_HIGHLIGHT, showTermHighlights, supportsHighlights } from './showTermHighlights';
import {
  clearTermHighlight,
  currentTermHighlight,
  keepTermHighlightOnlyFor,
  requestTermHighlight,
  useTermHighlights,
} from './termHighlightRequest';
import { installFakeHighlights } from './testing/fakeHighlights';

let fake: ReturnType<typeof installFakeHighlights>;
beforeEach(() => {
  fake = installFakeHighlights();
});
afterEach(() => {
  cleanup();
  act(() => clearTermHighlight());
  fake.uninstall();
});

function Reader({ id, text }: { id: string; text: string }) {
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useTermHighlights({ kind: 'entry', id }, root);
  return (
    <article ref={setRoot}>
      <p>{text}</p>
    </article>
  );
}

const painted = () => fake.registry.get(MATCH_HIGHLIGHT)?.ranges.map((range) => range.toString());

describe('showTermHighlights', () => {
  it('paints every match and marks the first as current, and disposes only its own', () => {
    const root = document.createElement('div');
    root.append(document.createElement('p'));
    root.firstChild!.textContent = 'GABA and glutamate; more glutamate';
    document.body.append(root);
    const shown = showTermHighlights(root, ['glutamate']);
    expect(shown.count).toBe(2);
    expect(painted()).toEqual(['glutamate', 'glutamate']);
    expect(fake.registry.get(CURRENT_MATCH_HIGHLIGHT)!.ranges).toHaveLength(1);
    const newer = showTermHighlights(root, ['gaba']);
    shown.dispose();
    expect(painted()).toEqual(['GABA']);
    newer.dispose();
    expect(fake.registry.size).toBe(0);
    root.remove();
  });

  it('finds matches without painting where the API is missing (jsdom, old engines)', () => {
    fake.uninstall();
    expect(supportsHighlights()).toBe(false);
    const root = document.createElement('div');
    root.textContent = 'glutamate';
    expect(showTermHighlights(root, ['glutamate']).count).toBe(1);
    fake = installFakeHighlights();
  });
});

describe('term highlight requests', () => {
  it('are shown by the view of their document only, and cleared by Escape', () => {
    render(
      <>
        <Reader id="gaba" text="GABA is the main inhibitory transmitter." />
        <Reader id="other" text="GABA appears here too." />
      </>,
    );
    expect(painted()).toBeUndefined();
    act(() => requestTermHighlight({ kind: 'entry', id: 'gaba' }, ['gaba', 'inhibitory']));
    expect(painted()).toEqual(['GABA', 'inhibitory']);

    // Escape handled by something else (a dialog) leaves them alone.
    const handled = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    handled.preventDefault();
    act(() => void document.body.dispatchEvent(handled));
    expect(painted()).toEqual(['GABA', 'inhibitory']);

    act(() => void fireEvent.keyDown(document.body, { key: 'Escape' }));
    expect(currentTermHighlight()).toBeNull();
    expect(painted()).toBeUndefined();
  });

  it('are dropped when another document is opened, kept when the same one is', () => {
    requestTermHighlight({ kind: 'note', path: 'A.md' }, ['cell']);
    keepTermHighlightOnlyFor({ kind: 'note', path: 'A.md' });
    expect(currentTermHighlight()).not.toBeNull();
    keepTermHighlightOnlyFor({ kind: 'entry', id: 'a' });
    expect(currentTermHighlight()).toBeNull();
    requestTermHighlight({ kind: 'note', path: 'A.md' }, []);
    expect(currentTermHighlight()).toBeNull();
  });

  it('only clear the request they were made for', () => {
    requestTermHighlight({ kind: 'note', path: 'A.md' }, ['cell']);
    const first = currentTermHighlight()!;
    requestTermHighlight({ kind: 'note', path: 'A.md' }, ['cell']);
    clearTermHighlight(first);
    expect(currentTermHighlight()).not.toBeNull();
    expect(currentTermHighlight()!.id).toBeGreaterThan(first.id);
  });
});
