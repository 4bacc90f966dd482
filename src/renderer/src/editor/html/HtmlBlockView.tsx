/**
 * An HTML block in a note (`<h2>…</h2>`, `<details>`, `<center>`…) shown rendered, as
 * Obsidian shows it, from its sanitized form (sanitizeNoteHtml): nothing in it runs or
 * loads. Selected (a click, arrow keys) it is outlined; a double-click or Enter opens its
 * source for editing, with the rendering updating as you type. Its links open outside the
 * app, as links in notes do.
 */
import { toExternalUrl } from '@shared/markdown/linkPolicy';
import { type JSX, useLayoutEffect, useRef, useState } from 'react';
import { type SourceViewProps, SourceEditor } from '../nodes/SourceEditor';
import { sanitizeNoteHtml } from './sanitizeNoteHtml';
import './html.css';

interface HtmlBlockViewProps extends SourceViewProps {
  readonly onEdit: () => void;
}

export function HtmlBlockView({
  text,
  selected,
  editing,
  textareaRef,
  onSelect,
  onEdit,
  onBlur,
}: HtmlBlockViewProps): JSX.Element {
  const [draft, setDraft] = useState<string | null>(null);
  const viewRef = useRef<HTMLDivElement>(null);
  const shown = editing && draft !== null ? draft : text;
  useLayoutEffect(() => {
    viewRef.current?.replaceChildren(sanitizeNoteHtml(shown));
  }, [shown]);

  const onClick = (event: React.MouseEvent) => {
    const anchor = event.target instanceof Element ? event.target.closest('a') : null;
    if (anchor) {
      // Never navigate the app's own window; a safe address opens outside it.
      event.preventDefault();
      const external = toExternalUrl(anchor.getAttribute('href') ?? '');
      if (external !== null) window.open(external, '_blank', 'noopener,noreferrer');
      return;
    }
    if (!editing) onSelect(event);
  };

  return (
    <div
      className={`md-html${selected ? ' md-html--selected' : ''}${editing ? ' md-html--editing' : ''}`}
      data-raw-kind="html"
      data-html-source={text}
    >
      {editing ? (
        <SourceEditor
          textareaRef={textareaRef}
          className="md-html__editor"
          label="Edit HTML source"
          text={text}
          onDraft={setDraft}
          onBlur={onBlur}
        />
      ) : null}
      <div
        ref={viewRef}
        className="md-html__view"
        title={editing ? undefined : 'HTML in the note. Double-click or press Enter to edit its source.'}
        onClick={onClick}
        onDoubleClick={editing ? undefined : onEdit}
      />
    </div>
  );
}
