import type { DocRef } from '@shared/domain/docRef';
import type { BacklinkList, MentionContext, MentionGroup } from '@shared/domain/links';
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { IndexStatus } from '@shared/domain/search';
import { useApi } from '../../api/ApiContext';
import { IndexingProgress } from '../../ui/IndexingProgress';
import { useIndexStatus } from '../search/useIndexStatus';
import type { LiveLoad } from '../links/useLiveLoad';
import { type LinkedChange, linkMentions, undoLinkedChange } from './linkMentions';
import { MentionText } from './MentionText';
import { highlightIdOfLink } from '@shared/links/highlightLink';
import './backlinks.css';

export interface BacklinksPanelProps {
  doc: DocRef;
  /** The document's title (for the empty states). */
  title: string;
  linked: LiveLoad<BacklinkList>;
  unlinked: LiveLoad<BacklinkList>;
  /** Opens the note at the mention. */
  onOpenMention(path: string, mention: MentionContext): void;
}

type Feedback = { kind: 'linked'; change: LinkedChange } | { kind: 'message'; text: string; tone: 'info' | 'error' };

/** How long the undo offer stays. */
const UNDO_MS = 15_000;

/**
 * The notes that point at a document: linked mentions (grouped by note, each in its
 * paragraph with the headings above it and the link marked) and unlinked mentions (its
 * title or aliases written plainly), which one click turns into links — undoably.
 */
export function BacklinksPanel({ doc, title, linked, unlinked, onOpenMention }: BacklinksPanelProps) {
  const api = useApi();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  // Backlinks answer once the link index holds every note; until then the panel says why it waits.
  const linkIndex = useIndexStatus(api, 'links').status;
  const indexing = linkIndex?.state === 'building' ? linkIndex : null;

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), feedback.kind === 'linked' ? UNDO_MS : 5000);
    return () => clearTimeout(timer);
  }, [feedback]);

  const link = async (group: MentionGroup, mentions: readonly MentionContext[]) => {
    setBusy(true);
    try {
      const change = await linkMentions(api, doc, group, mentions);
      setFeedback(
        change.linked > 0
          ? { kind: 'linked', change }
          : { kind: 'message', text: `“${group.title}” changed meanwhile: nothing was linked.`, tone: 'info' },
      );
    } catch (error) {
      setFeedback({ kind: 'message', text: `Could not link: ${messageOf(error)}`, tone: 'error' });
    } finally {
      setBusy(false);
      linked.reload();
      unlinked.reload();
    }
  };

  const undo = async (change: LinkedChange) => {
    setBusy(true);
    try {
      const outcome = await undoLinkedChange(api, change);
      setFeedback({
        kind: 'message',
        text:
          outcome === 'undone'
            ? `Undone: “${change.title}” is as it was.`
            : `“${change.title}” changed since, so it was left as it is.`,
        tone: 'info',
      });
    } catch (error) {
      setFeedback({ kind: 'message', text: `Could not undo: ${messageOf(error)}`, tone: 'error' });
    } finally {
      setBusy(false);
      linked.reload();
      unlinked.reload();
    }
  };

  return (
    <div className="backlinks" aria-busy={busy || undefined}>
      <Section
        title="Linked mentions"
        count={linked.value?.count}
        defaultOpen
        description={`Notes that link to “${title}”`}
      >
        <Groups
          load={linked}
          indexing={indexing}
          empty={
            <>
              No notes link to “{title}” yet.
              <span className="backlinks-hint">
                Type <kbd>[[</kbd> in a note to link here.
              </span>
            </>
          }
          renderMention={(group, mention) => {
            // A quote of a highlight ("Quote in note"): its passage is the context, shown as a quote.
            const quote = highlightIdOfLink(mention.source) !== null;
            return (
              <button
                type="button"
                className={quote ? 'mention mention-quote' : 'mention'}
                onClick={() => onOpenMention(group.path, mention)}
                title={`Open “${group.title}” at this ${quote ? 'quote' : 'link'}`}
              >
                {quote && <span className="mention-kind">Quote</span>}
                <MentionText mention={mention} />
              </button>
            );
          }}
        />
      </Section>
      <Section
        title="Unlinked mentions"
        count={unlinked.value?.count}
        defaultOpen={false}
        description={`Notes that write “${title}” without linking it`}
      >
        <Groups
          load={unlinked}
          indexing={indexing}
          empty={<>No other note mentions “{title}” without a link.</>}
          groupAction={(group) => (
            <button
              type="button"
              className="text-button backlinks-link-all"
              disabled={busy}
              onClick={() => void link(group, group.mentions)}
              aria-label={`Link all mentions in “${group.title}”`}
            >
              Link all
            </button>
          )}
          renderMention={(group, mention) => (
            <div className="mention-row">
              <button
                type="button"
                className="mention"
                onClick={() => onOpenMention(group.path, mention)}
                title={`Open “${group.title}” at this mention`}
              >
                <MentionText mention={mention} />
              </button>
              <button
                type="button"
                className="button backlinks-link"
                disabled={busy}
                onClick={() => void link(group, [mention])}
                aria-label={`Link “${mention.source}” in “${group.title}”`}
              >
                Link
              </button>
            </div>
          )}
        />
      </Section>
      {feedback && (
        <div
          className={`backlinks-feedback backlinks-feedback-${feedback.kind === 'linked' ? 'info' : feedback.tone}`}
          role="status"
        >
          {feedback.kind === 'linked' ? (
            <>
              <span>
                Linked {feedback.change.linked === 1 ? 'a mention' : `${feedback.change.linked} mentions`} in “
                {feedback.change.title}”.
              </span>
              <button type="button" className="text-button" disabled={busy} onClick={() => void undo(feedback.change)}>
                Undo
              </button>
            </>
          ) : (
            <span>{feedback.text}</span>
          )}
        </div>
      )}
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function Section({
  title,
  count,
  defaultOpen,
  description,
  children,
}: {
  title: string;
  count: number | undefined;
  defaultOpen: boolean;
  description: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <section className="backlinks-section" aria-labelledby={`${id}-title`} data-open={open || undefined}>
      <h3 className="backlinks-section-title">
        <button
          type="button"
          id={`${id}-title`}
          aria-expanded={open}
          aria-controls={`${id}-body`}
          title={description}
          onClick={() => setOpen((value) => !value)}
        >
          <Chevron open={open} />
          <span>{title}</span>
          <span className="backlinks-count">{count ?? '…'}</span>
        </button>
      </h3>
      <div id={`${id}-body`} className="backlinks-section-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}

function Groups({
  load,
  indexing,
  empty,
  renderMention,
  groupAction,
}: {
  load: LiveLoad<BacklinkList>;
  /** The link index's progress while it builds (the answer waits for it), else null. */
  indexing: IndexStatus | null;
  empty: ReactNode;
  renderMention(group: MentionGroup, mention: MentionContext): ReactNode;
  groupAction?(group: MentionGroup): ReactNode;
}) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const baseId = useId();
  if (load.value === null) {
    return load.error ? (
      <p className="backlinks-empty" role="alert">
        Could not load: {load.error}
      </p>
    ) : indexing ? (
      <IndexingProgress status={indexing} className="backlinks-indexing" label="Link indexing progress" />
    ) : (
      <p className="backlinks-empty backlinks-loading">Loading…</p>
    );
  }
  if (load.value.groups.length === 0) return <p className="backlinks-empty">{empty}</p>;
  return (
    <ul className="mention-groups">
      {load.value.groups.map((group, groupIndex) => {
        const open = !collapsed.has(group.path);
        const listId = `${baseId}-${groupIndex}`;
        return (
          <li key={group.path} className="mention-group">
            <div className="mention-group-head">
              <button
                type="button"
                className="mention-group-toggle"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() =>
                  setCollapsed((set) => {
                    const next = new Set(set);
                    if (next.has(group.path)) next.delete(group.path);
                    else next.add(group.path);
                    return next;
                  })
                }
              >
                <Chevron open={open} />
                <NoteIcon />
                <span className="mention-group-title">{group.title}</span>
                <span className="mention-group-count">{group.mentions.length}</span>
              </button>
              {groupAction?.(group)}
            </div>
            <ul id={listId} className="mention-list" hidden={!open}>
              {group.mentions.map((mention) => (
                <li key={`${mention.start}:${mention.end}`} className="mention-item">
                  {renderMention(group, mention)}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      className="chevron"
      data-open={open || undefined}
      viewBox="0 0 16 16"
      width="12"
      height="12"
      aria-hidden="true"
    >
      <path
        d="M6 4l4 4-4 4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function NoteIcon() {
  return (
    <svg className="mention-note-icon" viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
      <path
        d="M4 1.75h5.5L12.25 4.5v9.75H4z M9.25 1.75V4.75h3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.2"
        strokeLinejoin="round"
      />
    </svg>
  );
}
