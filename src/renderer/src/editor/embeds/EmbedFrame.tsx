/**
 * One embed's frame: the target's title (a button that opens the source at the embedded
 * part) and its content, read-only — a note's Markdown through the scope's renderer, an
 * entry's definition and sections as text. Loaded once the frame nears the viewport, and
 * again whenever the source changes. A target that does not resolve, a part that is not
 * there, a cycle and nesting too deep show as a notice in the frame instead.
 */
import type { EmbedContent } from '@shared/domain/embeds';
import type { WikiLink } from '@shared/links/parseWikiLinks';
import { isImageTarget } from '@shared/links/markdownLinkTarget';
import { type JSX, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { whenVisible } from '../math/lazyVisibility';
import { hostSeenFrom } from '../plugins/wikiLinkHost';
import { ImageHostContext, imageCandidates, imageSize } from '../nodes/ImageNode';
import { Paragraphs } from '../../ui/Paragraphs';
import { type EmbedScope, embedKey, embedStop, MAX_EMBED_DEPTH } from './embedScope';

type Loaded =
  /** Not loaded yet (until near the viewport, then until the answer). */
  { status: 'idle' } | { status: 'done'; content: EmbedContent | null } | { status: 'failed'; message: string };

/** A target naming a file other than a note (`paper.pdf`, `clip.mp3`): not a note embed. */
const ATTACHMENT = /\.(?!md$)[A-Za-z0-9]{1,6}$/i;

interface EmbedFrameProps {
  readonly link: WikiLink;
  /** Null without a link host: the frame shows the embed's name only. */
  readonly scope: EmbedScope | null;
  /** Opens the block's source for editing; null when the note is read-only. */
  readonly onEditSource: (() => void) | null;
}

export function EmbedFrame({ link, scope, onEditSource }: EmbedFrameProps): JSX.Element {
  const target = link.target.trim();
  if (isImageTarget(target)) return <EmbedImage link={link} />;
  if (ATTACHMENT.test(target)) {
    return (
      <span className="ed-embed-file" role="img" aria-label={`Attachment: ${target}`}>
        {target.replace(/^.*\//, '')}
      </span>
    );
  }
  return <NoteEmbedFrame link={link} scope={scope} onEditSource={onEditSource} />;
}

/** What the frame's title says: `Title`, `Title › Heading`. */
function titleOf(link: WikiLink, content: EmbedContent | null): string {
  const name = content?.target.title ?? (link.target.trim() || 'This note');
  const part = link.heading?.trim();
  if (!part || part.startsWith('^')) return name;
  return `${name} › ${part.split('#').filter(Boolean).join(' › ')}`;
}

function NoteEmbedFrame({ link, scope, onEditSource }: EmbedFrameProps): JSX.Element {
  const frameRef = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'idle' });
  const [generation, setGeneration] = useState(0);
  const part = link.heading === null || link.heading.trim() === '' ? null : link.heading.trim();
  // `![[#Heading]]` embeds a part of the note it is in.
  const ownTitle = scope?.from ? scope.from.replace(/\.md$/i, '') : null;
  const target = link.target.trim() || ownTitle || '';
  const host = scope?.host;
  const from = scope?.from ?? undefined;
  const contentRef = useRef<EmbedContent | null>(null);

  useEffect(() => {
    const element = frameRef.current;
    if (!element) return;
    return whenVisible(element, () => setVisible(true));
  }, []);

  useEffect(() => {
    if (!visible || !host?.getEmbed || target === '') return;
    let cancelled = false;
    host.getEmbed(target, part, from).then(
      (content) => {
        if (cancelled) return;
        contentRef.current = content;
        setLoaded({ status: 'done', content });
      },
      (error: unknown) => {
        if (!cancelled)
          setLoaded({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [visible, host, target, part, from, generation]);

  // The source changed (or a missing one may exist now): load again.
  useEffect(() => {
    if (!visible || !host?.onNotesChanged) return;
    return host.onNotesChanged((paths) => {
      const shown = contentRef.current;
      const path = shown?.target.ref.kind === 'note' ? shown.target.ref.path : null;
      if (paths === null || shown === null || (path !== null && paths.includes(path))) setGeneration((n) => n + 1);
    });
  }, [visible, host]);

  const content = loaded.status === 'done' ? loaded.content : null;
  const title = titleOf(link, content);
  const key = content ? embedKey(content.target.ref, part) : null;
  const stop = key && scope ? embedStop(scope.chain, key) : null;
  const notePath = content?.target.ref.kind === 'note' ? content.target.ref.path : null;
  const inner = useMemo<EmbedScope | null>(
    () =>
      scope && key && notePath !== null
        ? { ...scope, host: hostSeenFrom(scope.host, notePath), from: notePath, chain: [...scope.chain, key] }
        : null,
    [scope, key, notePath],
  );
  const open = () => {
    if (!host) return;
    host.openLink({ target, heading: part, resolved: content?.target ?? null });
  };

  let body: JSX.Element;
  let state: string;
  if (!host?.getEmbed || target === '') {
    state = 'source';
    body = <p className="ed-embed__notice">{link.source}</p>;
  } else if (loaded.status === 'idle') {
    state = 'loading';
    body = <div className="ed-embed__loading" aria-hidden="true" />;
  } else if (loaded.status === 'failed') {
    state = 'failed';
    body = <p className="ed-embed__notice">This embed could not be loaded: {loaded.message}</p>;
  } else if (content === null) {
    state = 'missing';
    body = (
      <p className="ed-embed__notice">
        <strong>“{target}”</strong> is not in your notes or the glossary yet.
      </p>
    );
  } else if (!content.found) {
    state = 'missing';
    body = (
      <p className="ed-embed__notice">
        {part?.startsWith('^') ? (
          <>
            No block <code>{part}</code> in “{content.target.title}”.
          </>
        ) : (
          <>
            No heading “{part}” in “{content.target.title}”.
          </>
        )}
      </p>
    );
  } else if (stop === 'cycle') {
    state = 'cycle';
    body = (
      <p className="ed-embed__notice" role="note">
        Not shown again: “{title}” is already shown around this embed (an embed cycle).
      </p>
    );
  } else if (stop === 'depth') {
    state = 'depth';
    body = (
      <p className="ed-embed__notice" role="note">
        Not shown: embeds are shown at most {MAX_EMBED_DEPTH} levels deep.
      </p>
    );
  } else if (content.entry) {
    state = 'entry';
    body = (
      <div className="ed-embed__entry">
        {content.entry.definition !== '' && <Paragraphs text={content.entry.definition} />}
        {content.entry.sections.map((section) => (
          <section key={section.heading} aria-label={section.heading}>
            <h4 className="ed-embed__entry-heading">{section.heading}</h4>
            <Paragraphs text={section.text} />
          </section>
        ))}
      </div>
    );
  } else if (inner) {
    state = 'note';
    const Content = inner.Content;
    body = (
      <Content
        key={content.markdown}
        markdown={content.markdown}
        path={inner.from ?? ''}
        label={`Embedded: ${title}`}
        scope={inner}
      />
    );
  } else {
    state = 'failed';
    body = <p className="ed-embed__notice">This embed could not be shown.</p>;
  }

  const kind = content?.target.kind ?? 'note';
  return (
    <div
      ref={frameRef}
      className={`ed-embed ed-embed--${state}`}
      data-embed-state={state}
      data-embed-kind={kind}
      role="group"
      aria-label={`Embed: ${title}`}
    >
      <div className="ed-embed__header">
        <span className="ed-embed__icon" aria-hidden="true">
          {kind === 'entry' ? <BookIcon /> : <NoteIcon />}
        </span>
        <button
          type="button"
          className="ed-embed__title"
          onClick={open}
          disabled={!host}
          title={content ? `Open ${content.target.title}` : `Open or create ${target}`}
        >
          {title}
        </button>
        {kind === 'entry' && <span className="ed-embed__badge">Glossary</span>}
        {onEditSource && (
          <button
            type="button"
            className="ed-embed__edit"
            onClick={onEditSource}
            aria-label={`Edit the embed source of ${title}`}
            title="Edit the embed source"
          >
            <PencilIcon />
          </button>
        )}
      </div>
      <div className="ed-embed__body">{body}</div>
    </div>
  );
}

/** An image among embeds (`![[a.png]]\n![[Note]]`): shown as the note's images are. */
function EmbedImage({ link }: { link: WikiLink }): JSX.Element {
  const { notePath } = useContext(ImageHostContext);
  const candidates = imageCandidates(link.target, notePath);
  const [attempt, setAttempt] = useState(0);
  const size = imageSize(link.label);
  if (attempt >= candidates.length) {
    return (
      <span className="ed-embed-file ed-embed-file--missing" role="img" aria-label={`Missing image: ${link.target}`}>
        {link.target}
      </span>
    );
  }
  return (
    <img
      className="ed-image"
      src={`/vault-file/${candidates[attempt]!.split('/').map(encodeURIComponent).join('/')}`}
      alt={link.target.replace(/^.*\//, '')}
      loading="lazy"
      decoding="async"
      draggable={false}
      width={size.width}
      height={size.height}
      onError={() => setAttempt((value) => value + 1)}
    />
  );
}

const NoteIcon = () => (
  <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.4">
    <path d="M4 1.75h5.5L13 5.25v9H4z" strokeLinejoin="round" />
    <path d="M9.5 1.75v3.5H13M6 8.5h5M6 11h4" strokeLinecap="round" />
  </svg>
);

const BookIcon = () => (
  <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.4">
    <path d="M2.5 3.25c2-.9 3.9-.8 5.5.5 1.6-1.3 3.5-1.4 5.5-.5v9.5c-2-.9-3.9-.8-5.5.5-1.6-1.3-3.5-1.4-5.5-.5z" />
    <path d="M8 3.75v9.5" />
  </svg>
);

const PencilIcon = () => (
  <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.4">
    <path d="M10.75 2.75l2.5 2.5-7.5 7.5-3 .5.5-3z" strokeLinejoin="round" />
  </svg>
);
