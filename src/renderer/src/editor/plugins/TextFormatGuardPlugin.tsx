import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_CRITICAL, FORMAT_TEXT_COMMAND, type TextFormatType } from 'lexical';
import { useEffect } from 'react';
import { TRANSFORMERS } from '../markdown';

/** The inline formats the editor offers (toolbar, shortcuts). */
const OFFERED_FORMATS: readonly TextFormatType[] = ['bold', 'italic', 'strikethrough', 'highlight', 'code'];

/**
 * The inline formats a note can hold: the offered ones plus any the Markdown dialect can
 * write (its text-format transformers), so a format the dialect loads is never stripped.
 * Everything else (underline, sub/superscript, case transforms…) cannot be saved and is
 * kept out of the document.
 */
export const DIALECT_TEXT_FORMATS: ReadonlySet<TextFormatType> = new Set<TextFormatType>([
  ...OFFERED_FORMATS,
  ...TRANSFORMERS.flatMap((transformer) => (transformer.type === 'text-format' ? transformer.format : [])),
]);

/** True if notes can hold `format` (see {@link DIALECT_TEXT_FORMATS}). */
export function isDialectTextFormat(format: TextFormatType): boolean {
  return DIALECT_TEXT_FORMATS.has(format);
}

/**
 * Swallows format commands the dialect cannot save: Lexical binds Ctrl/Cmd+U (and the
 * `formatUnderline` input event) to underline, which Markdown has no syntax for. Pasted
 * formats are handled by the paste sanitizer.
 */
export function TextFormatGuardPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(FORMAT_TEXT_COMMAND, (format) => !isDialectTextFormat(format), COMMAND_PRIORITY_CRITICAL),
    [editor],
  );
  return null;
}
