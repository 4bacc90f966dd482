/**
 * Loading a note body into the editor. The body is parsed into the dialect's model
 * (`@shared/markdown/parseDocument`), each block becomes Lexical nodes, and every unit
 * (top-level block or list item) is stamped with where it came from: its exact source,
 * the separator after it, and its serialization at load time. The exporter writes an
 * unchanged unit back from that source, byte for byte.
 */
import type { ListItemNode } from '@lexical/list';
import type { ListItemEntry } from '@shared/markdown/model';
import { parseDocument, type ParsedBlock } from '@shared/markdown/parseDocument';
import { serializeBlock } from '@shared/markdown/serializeBlock';
import { $createParagraphNode, $getRoot, $getSelection, $setState, type LexicalNode } from 'lexical';
import { $createRawBlockNode } from '../nodes/RawBlockNode';
import { $createBlockNode } from './convert/createNodes';
import { documentOriginState, type UnitOrigin, unitOriginState } from './fidelity/states';
import { isAllowedLinkUrl } from './linkPolicy';

/** A fresh id per import: units from another import (another note, pasted) never pass for this one's. */
function newImportId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${Date.now().toString(36)}-${random}`;
}

/**
 * Replaces the editor's content with the note body `markdown` (front matter already
 * removed). Needs an update context. Never throws on any input: what the dialect cannot
 * represent is kept as raw Markdown blocks.
 */
export function $importMarkdown(markdown: string): void {
  const options = { isAllowedLinkUrl };
  const parsed = parseDocument(markdown, options);
  const doc = newImportId();
  const root = $getRoot();
  root.clear();

  const units = parsed.units;
  const first = units[0];
  const last = units[units.length - 1];
  $setState(root, documentOriginState, {
    doc,
    leading: first ? markdown.slice(0, first.start) : markdown,
    trailing: last ? markdown.slice(last.end) : '',
    eol: parsed.eol,
    empty: units.length === 0,
  });

  const blockOrigins = new Map<ParsedBlock, UnitOrigin>();
  const itemOrigins = new Map<ListItemEntry, UnitOrigin>();
  units.forEach((unit, id) => {
    const next = units[id + 1];
    const base = {
      doc,
      id,
      source: markdown.slice(unit.start, unit.end),
      sep: markdown.slice(unit.end, next ? next.start : markdown.length),
    };
    if (unit.item) {
      const origin = unit.item.origin!;
      itemOrigins.set(unit.item, {
        ...base,
        signature: origin.signature,
        item: {
          indent: origin.indent,
          marker: origin.marker,
          gap: origin.gap,
          checkbox: origin.checkbox,
          checkboxGap: origin.checkboxGap,
          depth: origin.depth,
        },
      });
    } else {
      blockOrigins.set(unit.block, {
        ...base,
        signature: serializeBlock(unit.block.block, options),
        ...(unit.block.openEnded ? { openEnded: true } : {}),
      });
    }
  });

  const onListItem = (entry: ListItemEntry, node: ListItemNode): void => {
    const origin = itemOrigins.get(entry);
    if (origin) $setState(node, unitOriginState, origin);
  };
  for (const block of parsed.blocks) {
    let node: LexicalNode;
    let origin = blockOrigins.get(block);
    try {
      node = $createBlockNode(block.block, onListItem);
    } catch {
      // Never expected; but a block that cannot become nodes is still kept, verbatim.
      const source = markdown.slice(block.start, block.end);
      const text = source.replace(/\r\n?/g, '\n');
      node = $createRawBlockNode(text);
      const own = units.map((unit, id) => ({ unit, id })).filter(({ unit }) => unit.block === block);
      const last = own[own.length - 1];
      origin = last && {
        doc,
        id: last.id,
        source,
        sep: markdown.slice(last.unit.end, units[last.id + 1]?.start ?? markdown.length),
        signature: text,
      };
    }
    if (origin) $setState(node, unitOriginState, origin);
    root.append(node);
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
  if ($getSelection() !== null) root.selectStart();
}
