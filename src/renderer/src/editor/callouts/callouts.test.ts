import { calloutKind, CALLOUT_TYPES } from '@shared/markdown/callouts';
import { parseDocument } from '@shared/markdown/parseDocument';
import { $createTextNode, $getRoot, $isElementNode, $isParagraphNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { createMarkdownEditor, load, roundTrip, save } from '../markdown/testing/headlessEditor';
import { $isCalloutNode, $isCalloutTitleNode } from './CalloutNode';
import { $insertCallout } from './CalloutPlugin';

const NOTE = [
  'Intro paragraph.',
  '',
  '> [!TIP]- Study *tip*',
  '> First line.',
  '>',
  '> - a',
  '> - b',
  '',
  '> [!warning] Outer',
  '> > [!danger] Inner',
  '> > inner text',
  '',
  'Outro.',
  '',
].join('\n');

describe('callouts', () => {
  it('knows the 13 types and their aliases, case-insensitively; unknown types are notes', () => {
    expect(Object.keys(CALLOUT_TYPES)).toHaveLength(13);
    expect(calloutKind('TLDR')).toBe('abstract');
    expect(calloutKind('Important')).toBe('tip');
    expect(calloutKind('done')).toBe('success');
    expect(calloutKind('faq')).toBe('question');
    expect(calloutKind('attention')).toBe('warning');
    expect(calloutKind('missing')).toBe('failure');
    expect(calloutKind('error')).toBe('danger');
    expect(calloutKind('cite')).toBe('quote');
    expect(calloutKind('whatever')).toBe('note');
  });

  it('parses a callout into a block with a type, fold, title and body blocks (nested callouts too)', () => {
    const blocks = parseDocument(NOTE).blocks.map((parsed) => parsed.block);
    expect(blocks.map((block) => block.type)).toEqual(['paragraph', 'callout', 'callout', 'paragraph']);
    const tip = blocks[1]!;
    if (tip.type !== 'callout') throw new Error('not a callout');
    expect(tip.calloutType).toBe('TIP');
    expect(tip.fold).toBe('-');
    expect(tip.body.map((block) => block.type)).toEqual(['paragraph', 'list']);
    const outer = blocks[2]!;
    if (outer.type !== 'callout') throw new Error('not a callout');
    expect(outer.body[0]!.type).toBe('callout');
  });

  it('loads and saves a note with callouts byte for byte', () => {
    expect(roundTrip(NOTE)).toBe(NOTE);
    expect(roundTrip(NOTE.replace(/\n/g, '\r\n'))).toBe(NOTE.replace(/\n/g, '\r\n'));
  });

  it('editing a callout body rewrites only that callout', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    editor.update(
      () => {
        const callout = $getRoot().getChildren().find($isCalloutNode)!;
        const body = callout.getChildren()[1]!;
        if (!$isElementNode(body)) throw new Error('no body');
        body.append($createTextNode(' More.'));
      },
      { discrete: true },
    );
    expect(save(editor)).toBe(NOTE.replace('> First line.', '> First line. More.'));
  });

  it('editing a callout title keeps its type and fold', () => {
    const editor = createMarkdownEditor();
    load(editor, NOTE);
    editor.update(
      () => {
        const callout = $getRoot().getChildren().filter($isCalloutNode)[1]!;
        const title = callout.getFirstChild();
        if (!$isCalloutTitleNode(title)) throw new Error('no title');
        title.append($createTextNode(' box'));
      },
      { discrete: true },
    );
    expect(save(editor)).toBe(NOTE.replace('> [!warning] Outer', '> [!warning] Outer box'));
  });

  it('a new callout is saved as `> [!note]` with its body', () => {
    const editor = createMarkdownEditor();
    load(editor, 'Before.\n');
    editor.update(
      () => {
        $getRoot().selectEnd();
        $insertCallout();
        const callout = $getRoot().getChildren().find($isCalloutNode)!;
        const body = callout.getLastChild();
        if (!$isParagraphNode(body)) throw new Error('no body');
        body.append($createTextNode('Remember this.'));
      },
      { discrete: true },
    );
    expect(save(editor)).toBe('Before.\n\n> [!note]\n> Remember this.\n');
  });
});
