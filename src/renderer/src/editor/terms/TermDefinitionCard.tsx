import type { TermCard } from '@shared/domain/terms';
import { type KeyboardEvent, useEffect, useId, useRef } from 'react';

export type CardState = { status: 'loading' } | { status: 'ready'; cards: TermCard[] } | { status: 'failed' };

export interface TermDefinitionCardProps {
  /** The words as written in the note. */
  written: string;
  state: CardState;
  /** Where the card goes (fixed position). */
  placement: { left: number; top?: number; bottom?: number };
  /** Shown from the keyboard: focus moves into the card (its first button). */
  focusOnOpen: boolean;
  /** Offer "Link" (not in a read-only note). */
  canLink: boolean;
  onOpenBeside(card: TermCard): void;
  onOpen(card: TermCard): void;
  onLink(card: TermCard): void;
  /** Escape (focus goes back to the editor). */
  onClose(): void;
  onPointerEnter?(): void;
  onPointerLeave?(): void;
  /** Called with the card's element (and null when it goes). */
  onElement?(element: HTMLDivElement | null): void;
}

/**
 * The definition card of a term in a note: for each entry the words name (several for a
 * shared name), its title, pack and first paragraph, with "Open beside", "Open" and "Link".
 * A non-modal dialog named after the term; every text is rendered as React text, never HTML.
 */
export function TermDefinitionCard(props: TermDefinitionCardProps) {
  const { state, placement } = props;
  const titleId = useId();
  const own = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (props.focusOnOpen && state.status !== 'loading') own.current?.querySelector<HTMLElement>('button')?.focus();
  }, [props.focusOnOpen, state.status]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    props.onClose();
  };
  const cards = state.status === 'ready' ? state.cards : [];
  const shared = cards.length > 1;

  return (
    <div
      ref={(element) => {
        own.current = element;
        props.onElement?.(element);
      }}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="term-card wiki-preview wiki-preview-entry"
      data-state={state.status}
      style={{ left: placement.left, top: placement.top, bottom: placement.bottom }}
      onKeyDown={onKeyDown}
      onMouseEnter={props.onPointerEnter}
      onMouseLeave={props.onPointerLeave}
    >
      <p id={titleId} className="visually-hidden">
        Definition of {props.written}
      </p>
      {state.status === 'loading' && <p className="wiki-preview-text wiki-preview-muted">Loading…</p>}
      {state.status === 'failed' && (
        <p className="wiki-preview-text wiki-preview-muted">The definition could not be loaded.</p>
      )}
      {state.status === 'ready' && cards.length === 0 && (
        <p className="wiki-preview-text wiki-preview-muted">This entry is no longer in the glossary.</p>
      )}
      {shared && <p className="term-card-shared">{cards.length} entries share this name</p>}
      {cards.map((card) => (
        <section key={card.id} className="term-card-entry" aria-label={`${card.title}, ${card.packName}`}>
          <div className="wiki-preview-head">
            <span className="wiki-preview-title">{card.title}</span>
            {card.packName && <span className="wiki-preview-heading term-card-pack">{card.packName}</span>}
          </div>
          <p className="wiki-preview-text">{card.text || 'This entry has no definition.'}</p>
          <div className="term-card-actions">
            <button type="button" className="text-button" onClick={() => props.onOpenBeside(card)}>
              Open beside
            </button>
            <button type="button" className="text-button" onClick={() => props.onOpen(card)}>
              Open
            </button>
            {props.canLink && (
              <button
                type="button"
                className="text-button"
                aria-label={`Link “${props.written}” to ${card.title}${shared ? ` (${card.packName})` : ''}`}
                onClick={() => props.onLink(card)}
              >
                Link
              </button>
            )}
          </div>
        </section>
      ))}
    </div>
  );
}
