import { textSourceOf } from '@shared/markdown/analyzeNote';
import { plainTextOf, type PlainTextStyle } from '@shared/markdown/blockText';
import type { NoteModel } from '@shared/markdown/noteModel';

/** A paragraph, list item, heading, table row or code block of a note, as plain text. */
export interface TextBlock {
  text: string;
  heading: boolean;
}

/** Snippets show a heading link as `Target › Heading`, drop embeds and join table cells with ` · `. */
const SNIPPET_STYLE: PlainTextStyle = { headingSeparator: ' › ', dropEmbeds: true, cellSeparator: ' · ' };

/**
 * A note's blocks as plain text for search snippets (see plainTextOf): front matter and
 * comments dropped, code blocks and math as their content, HTML blocks without their
 * tags, every other block as a reader sees it. Empty blocks are left out.
 */
export function snippetBlocks(model: NoteModel): TextBlock[] {
  const source = textSourceOf(model);
  const blocks: TextBlock[] = [];
  for (const block of model.blocks) {
    if (block.kind === 'frontMatter' || block.syntax === 'comment' || block.syntax === 'yaml') continue;
    let text: string;
    if (block.kind === 'code' && block.syntax !== 'html') {
      text = model.text.slice(block.contentStart, block.contentEnd).replace(/\s+/g, ' ').trim();
    } else {
      text = plainTextOf(
        source,
        block.kind === 'code' ? { ...block, kind: 'paragraph' } : block,
        [],
        SNIPPET_STYLE,
      ).text;
    }
    if (text !== '') blocks.push({ text, heading: block.kind === 'heading' });
  }
  return blocks;
}
