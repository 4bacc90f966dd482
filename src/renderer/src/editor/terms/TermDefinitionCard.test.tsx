import type { TermCard } from '@shared/domain/terms';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TermDefinitionCard, type TermDefinitionCardProps } from './TermDefinitionCard';

afterEach(cleanup);

const RIVER: TermCard = {
  id: 'a/bank',
  title: 'Bank',
  packName: 'Geography',
  text: 'The land beside a river.',
  target: 'Geography/Bank',
};
const MONEY: TermCard = {
  id: 'b/bank',
  title: 'Bank',
  packName: 'Economics',
  text: 'A place that keeps money.',
  target: 'Economics/Bank',
};

function renderCard(props: Partial<TermDefinitionCardProps>) {
  const handlers = { onOpenBeside: vi.fn(), onOpen: vi.fn(), onLink: vi.fn(), onClose: vi.fn() };
  render(
    <TermDefinitionCard
      written="bank"
      state={{ status: 'ready', cards: [RIVER, MONEY] }}
      placement={{ left: 0, top: 0 }}
      focusOnOpen={false}
      canLink
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('TermDefinitionCard', () => {
  it('lists every entry sharing the name, each with its pack and its own actions', () => {
    const handlers = renderCard({});
    const card = screen.getByRole('dialog', { name: 'Definition of bank' });
    expect(within(card).getByText('2 entries share this name')).toBeTruthy();
    const money = within(card).getByRole('region', { name: 'Bank, Economics' });
    expect(within(money).getByText('A place that keeps money.')).toBeTruthy();
    fireEvent.click(within(money).getByRole('button', { name: 'Link “bank” to Bank (Economics)' }));
    expect(handlers.onLink).toHaveBeenCalledWith(MONEY);
    fireEvent.click(within(card).getByRole('region', { name: 'Bank, Geography' }).querySelector('button')!);
    expect(handlers.onOpenBeside).toHaveBeenCalledWith(RIVER);
    fireEvent.keyDown(card, { key: 'Escape' });
    expect(handlers.onClose).toHaveBeenCalled();
  });

  it('offers no Link in a read-only note, and says when loading failed', () => {
    renderCard({ canLink: false, state: { status: 'failed' } });
    expect(screen.getByText('The definition could not be loaded.')).toBeTruthy();
    cleanup();
    renderCard({ canLink: false });
    expect(screen.queryByRole('button', { name: /^Link/ })).toBeNull();
    expect(screen.getAllByRole('button', { name: 'Open' })).toHaveLength(2);
  });
});
