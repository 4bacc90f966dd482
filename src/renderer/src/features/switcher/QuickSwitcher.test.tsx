import type { SwitcherItem } from '@shared/domain/search';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiProvider } from '../../api/ApiContext';
import { fakeClient, type FakeClient } from '../../api/testing/fakeClient';
import { QuickSwitcher } from './QuickSwitcher';

/** An option by the first part of its name (its name is all it shows: "Cell Biology, Bio, Note"). */
const named = (title: string) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`);

afterEach(cleanup);

const item = (title: string, extra: Partial<SwitcherItem> = {}): SwitcherItem => ({
  ref: { kind: 'note', path: `${title}.md` },
  kind: 'note',
  title,
  folder: '',
  matchedAlias: null,
  highlights: [],
  ...extra,
});

const RECENT = [
  item('Cell Biology', { folder: 'Bio' }),
  item('GABA', { ref: { kind: 'entry', id: 'gaba' }, kind: 'entry' }),
];
const MATCHES = [
  item('Inhibition', { highlights: [[0, 3]] }),
  item('GABA Glutamate Ratio', {
    ref: { kind: 'entry', id: 'gaba-glutamate-ratio' },
    kind: 'entry',
    matchedAlias: 'Inhibitory balance',
    highlights: [[0, 3]],
  }),
];

function setup(api: FakeClient = fakeClient({ quickSwitch: async ({ query }) => (query === '' ? RECENT : MATCHES) })) {
  const onOpen = vi.fn();
  const onCreate = vi.fn();
  const onClose = vi.fn();
  render(
    <ApiProvider client={api}>
      <QuickSwitcher onOpen={onOpen} onCreate={onCreate} onClose={onClose} />
    </ApiProvider>,
  );
  const field = screen.getByRole('combobox', { name: 'Quick switcher' });
  const type = (value: string) => fireEvent.change(field, { target: { value } });
  const key = (key: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(field, { key, ...init });
  return { api, onOpen, onCreate, onClose, field, type, key };
}

/** What each option is called: its title, with the alias it matched in brackets. */
const names = () =>
  screen.queryAllByRole('option').map((option) => {
    const title = option.querySelector('.qp-title')?.textContent ?? '';
    const alias = option.querySelector('.qp-detail')?.textContent?.replace(/^also /, '');
    return alias ? `${title} (${alias})` : title;
  });

describe('QuickSwitcher', () => {
  it('lists recently opened documents under “Recent” before anything is typed', async () => {
    const { field } = setup();
    expect(await screen.findByRole('group', { name: 'Recent' })).toBeTruthy();
    expect(names()).toEqual(['Cell Biology', 'GABA']);
    expect(screen.getByRole('option', { name: named('Cell Biology') }).textContent).toContain('Bio');
    expect(screen.getByRole('option', { name: named('GABA') }).textContent).toContain('Glossary');
    expect(field.getAttribute('aria-activedescendant')).toBe(
      screen.getByRole('option', { name: named('Cell Biology') }).id,
    );
  });

  it('shows matches with the matched characters marked, then “Create note …” last', async () => {
    const { type } = setup();
    type('inh');
    await waitFor(() =>
      expect(names()).toEqual(['Inhibition', 'GABA Glutamate Ratio (Inhibitory balance)', 'Create note “inh”']),
    );
    const inhibition = screen.getByRole('option', { name: named('Inhibition') });
    expect([...inhibition.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Inh']);
    const alias = screen.getByRole('option', { name: named('GABA Glutamate Ratio, also Inhibitory balance') });
    expect([...alias.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['Inh']);
    expect(alias.textContent).toContain('Glossary');
  });

  it('opens the active choice with Enter after moving with the arrows', async () => {
    const { type, key, onOpen, onClose, onCreate } = setup();
    type('inh');
    await screen.findByRole('option', { name: named('Inhibition') });
    key('ArrowDown');
    expect(screen.getByRole('option', { name: /^GABA Glutamate/ }).getAttribute('aria-selected')).toBe('true');
    key('Enter');
    expect(onClose).toHaveBeenCalledOnce();
    expect(onOpen).toHaveBeenCalledWith({ kind: 'entry', id: 'gaba-glutamate-ratio' });
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('creates a note from the last choice, from Shift+Enter, and with the mouse', async () => {
    const first = setup();
    first.type('  Synapse notes ');
    await screen.findByRole('option', { name: named('Create note “Synapse notes”') });
    first.key('ArrowUp');
    first.key('Enter');
    expect(first.onCreate).toHaveBeenCalledWith('Synapse notes');
    cleanup();

    const second = setup();
    second.type('Synapse');
    await screen.findByRole('option', { name: named('Inhibition') });
    second.key('Enter', { shiftKey: true });
    expect(second.onCreate).toHaveBeenCalledWith('Synapse');
    expect(second.onOpen).not.toHaveBeenCalled();
    cleanup();

    const third = setup();
    third.type('Axon');
    fireEvent.click(await screen.findByRole('option', { name: named('Create note “Axon”') }));
    expect(third.onCreate).toHaveBeenCalledWith('Axon');
  });

  it('offers no “Create” for a note that exists under that title', async () => {
    const { type } = setup();
    type('inhibition');
    await screen.findByRole('option', { name: named('Inhibition') });
    expect(names()).not.toContain('Create note “inhibition”');
  });

  it('never shows an answer to an older query', async () => {
    const slow: Array<() => void> = [];
    const api = fakeClient({
      quickSwitch: ({ query }) =>
        new Promise((resolve) => {
          if (query === 'a') slow.push(() => resolve([item('Stale answer')]));
          else resolve(query === '' ? [] : [item('Fresh answer')]);
        }),
    });
    const { type } = setup(api);
    type('a');
    await waitFor(() => expect(slow).toHaveLength(1));
    type('ab');
    await screen.findByRole('option', { name: named('Fresh answer') });
    await act(async () => slow[0]!());
    expect(names()).toEqual(['Fresh answer', 'Create note “ab”']);
  });

  it('closes on Escape without choosing', async () => {
    const { key, onClose, onOpen } = setup();
    await screen.findByRole('option', { name: named('Cell Biology') });
    key('Escape');
    expect(onClose).toHaveBeenCalledOnce();
    expect(onOpen).not.toHaveBeenCalled();
  });
});
