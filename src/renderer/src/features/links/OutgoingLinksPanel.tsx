import { attachmentKindOf } from '@shared/domain/attachments';
import type { OutgoingLink } from '@shared/domain/links';
import { KindBadge } from '../../ui/KindBadge';
import type { LiveLoad } from './useLiveLoad';

export interface OutgoingLinksPanelProps {
  links: LiveLoad<OutgoingLink[]>;
  onOpen(link: OutgoingLink): void;
  /** Creates the note an unresolved link points to. */
  onCreate(target: string): void;
  /** Shows every unresolved link of the vault. */
  onShowUnresolved(): void;
}

interface Group {
  id: string;
  title: string;
  links: OutgoingLink[];
}

function groupsOf(links: readonly OutgoingLink[]): Group[] {
  const byTitle = (a: OutgoingLink, b: OutgoingLink) =>
    (a.resolved?.title ?? a.target).localeCompare(b.resolved?.title ?? b.target, undefined, { sensitivity: 'base' });
  return [
    { id: 'entry', title: 'Glossary entries', links: links.filter((l) => l.resolved?.kind === 'entry').sort(byTitle) },
    { id: 'note', title: 'Notes', links: links.filter((l) => l.resolved?.kind === 'note').sort(byTitle) },
    { id: 'attachment', title: 'Attachments', links: links.filter((l) => !l.resolved && l.attachment).sort(byTitle) },
    {
      id: 'unresolved',
      title: 'Not created yet',
      links: links.filter((l) => l.resolved === null && !l.attachment).sort(byTitle),
    },
  ].filter((group) => group.links.length > 0);
}

/**
 * Where the open note links to, by kind — glossary entries, notes, and targets that do not
 * exist yet (clearly marked, each with "Create note") — with how often it links there.
 */
export function OutgoingLinksPanel({ links, onOpen, onCreate, onShowUnresolved }: OutgoingLinksPanelProps) {
  const list = links.value;
  return (
    <div className="outgoing">
      {list === null ? (
        <p className="backlinks-empty">{links.error ? `Could not load: ${links.error}` : 'Loading…'}</p>
      ) : list.length === 0 ? (
        <p className="backlinks-empty">
          This note links nowhere yet.
          <span className="backlinks-hint">
            Type <kbd>[[</kbd> to link a glossary entry or another note.
          </span>
        </p>
      ) : (
        groupsOf(list).map((group) => (
          <section key={group.id} className="outgoing-group" aria-label={group.title}>
            <h3 className="outgoing-title">
              {group.title} <span className="backlinks-count">{group.links.length}</span>
            </h3>
            <ul className="outgoing-list">
              {group.links.map((link) => (
                <li key={`${link.target}#${link.heading ?? ''}`} className="outgoing-item" data-kind={group.id}>
                  {link.resolved ? (
                    <button type="button" className="outgoing-open" onClick={() => onOpen(link)}>
                      <span className="outgoing-name">
                        {link.resolved.title}
                        {link.heading && <span className="outgoing-heading"> › {link.heading}</span>}
                      </span>
                      <KindBadge kind={link.resolved.kind} />
                    </button>
                  ) : link.attachment ? (
                    <div className="outgoing-open">
                      <span className="outgoing-name" title={link.attachment}>
                        {link.target}
                      </span>
                    </div>
                  ) : (
                    <div className="outgoing-open outgoing-unresolved">
                      <span className="outgoing-name" title="No note or glossary entry has this name">
                        {link.target}
                        {link.heading && <span className="outgoing-heading"> › {link.heading}</span>}
                      </span>
                      {attachmentKindOf(link.target) === null ? (
                        <button
                          type="button"
                          className="text-button"
                          onClick={() => onCreate(link.target)}
                          aria-label={`Create note “${link.target}”`}
                        >
                          Create note
                        </button>
                      ) : (
                        <span className="backlinks-count">missing file</span>
                      )}
                    </div>
                  )}
                  {link.count > 1 && (
                    <span className="outgoing-times" title={`Linked ${link.count} times`}>
                      ×{link.count}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
      <button type="button" className="text-button outgoing-vault" onClick={onShowUnresolved}>
        All unresolved links in the vault…
      </button>
    </div>
  );
}
