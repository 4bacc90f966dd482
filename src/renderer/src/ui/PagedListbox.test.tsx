import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PagedListbox, type PagedRowsSource, type PagedRowsView } from './PagedListbox';

const ROW = 34;
const VIEW_HEIGHT = 340;
const rows = Array.from({ length: 50 }, (_, i) => `Entry ${i}`);
/** How far the test's scroller is scrolled (jsdom lays nothing out: rectangles come from this). */
let scrolled = 0;

beforeEach(() => {
  scrolled = 0;
  Element.prototype.scrollIntoView = vi.fn();
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const index = this.dataset.index;
    if (this.dataset.testid === 'scroller') return new DOMRect(0, 0, 300, VIEW_HEIGHT);
    if (index !== undefined) return new DOMRect(0, Number(index) * ROW - scrolled, 300, ROW);
    return new DOMRect(0, 0, 300, 0);
  });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function setup() {
  const view: PagedRowsView<string> = { filter: '', total: rows.length, rowAt: (i) => rows[i] };
  const source: PagedRowsSource<string> = {
    setFilter: () => undefined,
    ensure: () => undefined,
    rowAt: async (i) => rows[i],
  };
  render(
    <div data-testid="scroller" style={{ overflowY: 'auto' }}>
      <PagedListbox
        label="Glossary"
        view={view}
        source={source}
        keyOf={(row) => row}
        renderItem={(row) => row}
        selectedKey={null}
        onOpen={() => undefined}
        filterPlaceholder="Filter"
      />
    </div>,
  );
  const list = screen.getByRole('listbox', { name: /Glossary/ });
  const active = () => document.getElementById(list.getAttribute('aria-activedescendant') ?? '')?.textContent;
  return { list, active };
}

describe('PagedListbox arrow keys', () => {
  it('go on from the active row while it is in view', () => {
    const { list, active } = setup();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(active()).toBe('Entry 2');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(active()).toBe('Entry 1');
  });

  it('after a scroll that left the active row out of view, go on from the rows in view, not from the top', () => {
    const { list, active } = setup();
    // Rows 20 to 29 are wholly in view, 19 and 30 not at all.
    scrolled = 20 * ROW;
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(active()).toBe('Entry 20');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(active()).toBe('Entry 21');
    // Rows 40 to 48 wholly in view, 39 and 49 cut by the edges.
    scrolled = 40 * ROW - 10;
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(active()).toBe('Entry 48');
  });
});
