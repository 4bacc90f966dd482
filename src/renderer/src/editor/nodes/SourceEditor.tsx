import type { JSX, RefObject } from 'react';

/**
 * What RawBlockNode gives each rendered raw block's view (formula, HTML, footnote): its
 * source, whether it is selected or being edited, the textarea it is edited in, a click
 * that selects it, and the end of an edit.
 */
export interface SourceViewProps {
  readonly text: string;
  readonly selected: boolean;
  readonly editing: boolean;
  readonly textareaRef: RefObject<HTMLTextAreaElement | null>;
  readonly onSelect: (event: React.MouseEvent) => void;
  readonly onBlur: () => void;
}

interface SourceEditorProps {
  readonly textareaRef: RefObject<HTMLTextAreaElement | null>;
  /** Classes besides `md-raw__editor`. */
  readonly className?: string;
  readonly label: string;
  readonly text: string;
  /** Told what is typed, for a live preview; null when the edit starts or ends. */
  readonly onDraft?: (draft: string | null) => void;
  readonly onBlur: () => void;
}

/**
 * The plain textarea a raw block's source is edited in (math, HTML, footnotes and the rest):
 * uncontrolled, so the block's view decides when the edit is kept (RawBlockView's finish).
 */
export function SourceEditor({ textareaRef, className, label, text, onDraft, onBlur }: SourceEditorProps): JSX.Element {
  return (
    <textarea
      ref={textareaRef}
      className={className ? `md-raw__editor ${className}` : 'md-raw__editor'}
      defaultValue={text}
      spellCheck={false}
      aria-label={label}
      onFocus={onDraft ? () => onDraft(null) : undefined}
      onInput={onDraft ? (event) => onDraft(event.currentTarget.value) : undefined}
      onBlur={() => {
        onDraft?.(null);
        onBlur();
      }}
    />
  );
}
