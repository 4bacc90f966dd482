/**
 * A footnote definition `[^label]: text` shown as Obsidian shows it at the foot of a note:
 * its number and its text, muted and smaller, instead of the raw Markdown box. The text is
 * rendered as text (React escapes it), never as HTML. A click selects it, a double-click or
 * Enter edits its source in RawBlockNode's textarea, as any raw block.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { type JSX, useCallback, useSyncExternalStore } from 'react';
import { type SourceViewProps, SourceEditor } from '../nodes/SourceEditor';
import { getFootnoteIndex, subscribeFootnoteIndex } from './footnoteIndex';
import { parseFootnoteDefinition } from './footnoteSyntax';

interface FootnoteBlockViewProps extends SourceViewProps {
  readonly onEdit: () => void;
}

export function FootnoteBlockView({
  text,
  selected,
  editing,
  textareaRef,
  onSelect,
  onEdit,
  onBlur,
}: FootnoteBlockViewProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const subscribe = useCallback((listener: () => void) => subscribeFootnoteIndex(editor, listener), [editor]);
  const index = useSyncExternalStore(subscribe, () => getFootnoteIndex(editor));
  const definition = parseFootnoteDefinition(text);
  const number = definition ? index.numbers.get(definition.label) : undefined;
  return (
    <div
      className={`md-footnote${selected ? ' md-footnote--selected' : ''}${editing ? ' md-footnote--editing' : ''}`}
      data-raw-kind="footnote"
      data-footnote-label={definition?.label}
    >
      {editing ? (
        <SourceEditor textareaRef={textareaRef} label="Edit footnote source" text={text} onBlur={onBlur} />
      ) : (
        <div
          className="md-footnote__view"
          title="Footnote. Double-click or press Enter to edit."
          onClick={onSelect}
          onDoubleClick={onEdit}
        >
          <span
            className={`md-footnote__number${number === undefined ? ' md-footnote__number--unused' : ''}`}
            title={number === undefined ? 'Not referenced in this note' : undefined}
          >
            {number ?? definition?.label ?? '?'}
          </span>
          <span className="md-footnote__text">{definition ? definition.text : text}</span>
        </div>
      )}
    </div>
  );
}
