/**
 * Loading a note body into the editor. The body is parsed into the dialect's model
 * (`@shared/markdown/parseDocument`), each block becomes Lexical nodes, and every unit
 * (top-level block or list item) is stamped with where it came from: its exact source,
 * the separator after it, and its serialization at load time. The exporter writes an
 * unchanged unit back from that source, byte for byte.
 */
import type { ListItemNode } from '@lexical/list';
import type { BlockNode, ListItemEntry } from '@shared/markdown/model';
import type { InlineParseOptions } from '@shared/markdown/parseInline';
import { DocumentParser, type ParsedBlock } from '@shared/markdown/parseDocument';
import { serializeBlock } from '@shared/markdown/serializeBlock';
import { $createParagraphNode, $getRoot, $getSelection, $setState, type LexicalNode } from 'lexical';
import { $createRawBlockNode } from '../nodes/RawBlockNode';
import { $createBlockNode } from './convert/createNodes';
import { documentOriginState, type UnitOrigin, unitOriginState } from './fidelity/states';
import { isAllowedLinkUrl } from '@shared/markdown/linkPolicy';

/**
 * `origin` with the block's `signature` computed when first read: on the first save, or
 * while the editor is idle (ExportWarmupPlugin), not while a long note is being loaded. It
 * is an accessor property (copying the object with a spread computes it).
 */
function withLazySignature(
  origin: Omit<UnitOrigin, 'signature'>,
  block: BlockNode,
  options: InlineParseOptions,
): UnitOrigin {
  let model: BlockNode | null = block;
  let signature = '';
  return Object.defineProperty(origin, 'signature', {
    enumerable: true,
    get(): string {
      if (model !== null) {
        signature = serializeBlock(model, options);
        model = null;
      }
      return signature;
    },
  }) as UnitOrigin;
}

/** How many blocks parsing may run ahead of the nodes made (see MarkdownLoad.$continue). */
const PARSE_AHEAD_BLOCKS = 16;

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
  $startImportMarkdown(markdown).$continue(() => true);
}

/** A document being loaded a few blocks at a time (see $startImportMarkdown). */
export interface MarkdownLoad {
  /** The text being loaded. */
  readonly markdown: string;
  /** True once the whole document is in the editor. */
  readonly done: boolean;
  /** How much of the text has been parsed (an offset into `markdown`). */
  readonly parsedTo: number;
  /**
   * Parses and appends more blocks, at least one, until `hasTime()` says to stop; returns
   * `done`. Needs an update context (any later update of the same editor).
   */
  $continue(hasTime: () => boolean): boolean;
}

/**
 * Starts replacing the editor's content with `markdown`: clears the document and returns
 * the load, which appends blocks as `$continue` is called. Once done, the document is
 * exactly what `$importMarkdown` makes. While it is not, the document holds the first
 * blocks only: it must not be edited or exported. Needs an update context.
 */
export function $startImportMarkdown(markdown: string): MarkdownLoad {
  const options = { isAllowedLinkUrl };
  // Made by the first `$continue`: scanning a long text is itself a few dozen milliseconds.
  let lazyParser: DocumentParser | null = null;
  const parse = (): DocumentParser => (lazyParser ??= new DocumentParser(markdown, options));
  const doc = newImportId();
  $getRoot().clear();
  /** Blocks appended to the root so far; units stamped so far. */
  let appended = 0;
  let stamped = 0;

  const onListItem = (origins: Map<ListItemEntry, UnitOrigin>) => (entry: ListItemEntry, node: ListItemNode) => {
    const origin = origins.get(entry);
    if (origin) $setState(node, unitOriginState, origin);
  };

  /** Creates the nodes of a settled block, stamped with its units' origins. */
  const $appendBlock = (parser: DocumentParser, block: ParsedBlock): void => {
    const units = parser.units;
    const own: number[] = [];
    while (stamped < units.length && units[stamped]!.block === block) own.push(stamped++);
    let blockOrigin: UnitOrigin | undefined;
    const itemOrigins = new Map<ListItemEntry, UnitOrigin>();
    for (const id of own) {
      const unit = units[id]!;
      // The block is settled, so the unit after its last one is parsed already (or there is none).
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
        blockOrigin = withLazySignature(
          { ...base, ...(unit.block.openEnded ? { openEnded: true } : {}) },
          unit.block.block,
          options,
        );
      }
    }
    let node: LexicalNode;
    let origin = blockOrigin;
    try {
      node = $createBlockNode(block.block, onListItem(itemOrigins));
    } catch {
      // Never expected; but a block that cannot become nodes is still kept, verbatim.
      const source = markdown.slice(block.start, block.end);
      const text = source.replace(/\r\n?/g, '\n');
      node = $createRawBlockNode(text);
      const last = own[own.length - 1];
      origin =
        last === undefined
          ? undefined
          : {
              doc,
              id: last,
              source,
              sep: markdown.slice(units[last]!.end, units[last + 1]?.start ?? markdown.length),
              signature: text,
            };
    }
    if (origin) $setState(node, unitOriginState, origin);
    $getRoot().append(node);
  };

  const load = {
    markdown,
    get done() {
      return lazyParser !== null && lazyParser.done && appended === lazyParser.blocks.length;
    },
    get parsedTo() {
      return lazyParser?.parsedTo ?? 0;
    },
    $continue(hasTime: () => boolean): boolean {
      const root = $getRoot();
      const parser = parse();
      // Parsing runs a few blocks ahead of making nodes, not to the end of the time given:
      // making nodes (and what follows: transforms, rendering, the views of images and
      // formulas) costs more, so the time is checked after each block made too.
      const parseAhead = () => hasTime() && parser.settled - appended < PARSE_AHEAD_BLOCKS;
      do {
        if (appended >= parser.settled) parser.step(parseAhead);
        while (appended < parser.settled) {
          $appendBlock(parser, parser.blocks[appended++]!);
          if (!hasTime()) break;
        }
      } while (!load.done && hasTime());
      const units = parser.units;
      const first = units[0];
      const last = parser.done ? units[units.length - 1] : undefined;
      $setState(root, documentOriginState, {
        doc,
        leading: first ? markdown.slice(0, first.start) : markdown,
        trailing: last ? markdown.slice(last.end) : '',
        eol: parser.eol,
        empty: parser.done && units.length === 0,
      });
      if (load.done) {
        if (root.getChildrenSize() === 0) root.append($createParagraphNode());
        if ($getSelection() !== null) root.selectStart();
      }
      return load.done;
    },
  };
  return load;
}
