import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Welcome } from './Welcome';

afterEach(cleanup);

describe('the welcome view', () => {
  it('counts the glossary with thousands grouped and tells apart entries sharing a title', () => {
    const onOpenEntry = vi.fn();
    render(
      <Welcome
        glossary={{
          all: 120005,
          first: [
            { id: 'ba-1', title: 'Ba', aliases: [], packId: 'dict', hint: 'An ancient Egyptian notion of the soul…' },
            { id: 'ba-2', title: 'Ba', aliases: [], packId: 'dict', hint: 'The symbol of barium…' },
            { id: 'gaba', title: 'GABA', aliases: [] },
          ],
        }}
        onOpenEntry={onOpenEntry}
        onCreateNote={() => undefined}
      />,
    );
    expect(screen.getByText(/a glossary of 120,005 reference entries/)).toBeTruthy();
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      'New note',
      'Ba An ancient Egyptian notion of the soul…',
      'Ba The symbol of barium…',
      'GABA',
    ]);
    screen.getByRole('button', { name: /^Ba The symbol of barium/ }).click();
    expect(onOpenEntry).toHaveBeenCalledWith('ba-2');
  });
});
