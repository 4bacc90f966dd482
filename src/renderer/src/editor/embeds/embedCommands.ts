import { createCommand, type LexicalCommand, type NodeKey } from 'lexical';

/**
 * The source of a block of embeds was edited: EmbedPlugin reads `text` again (it may no
 * longer be embeds only) and puts what it reads in the block's place; '' removes it.
 */
export const EMBED_SOURCE_EDITED: LexicalCommand<{ nodeKey: NodeKey; text: string }> =
  createCommand('EMBED_SOURCE_EDITED');
