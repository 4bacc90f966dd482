/**
 * The Markdown dialect of the editor, defined once and used for typing shortcuts, loading
 * and saving. See docs/markdown-dialect.md for what it supports and how it keeps what it
 * does not.
 */
export { EDITOR_NODES, TRANSFORMERS } from './dialect';
export { $exportMarkdown } from './exportMarkdown';
export { $importMarkdown, $startImportMarkdown, type MarkdownLoad } from './importMarkdown';
