import { afterEach, describe, expect, it, vi } from 'vitest';
import { extendSelectionByKey } from './keyboardSelection';

type Modify = (alter: string, direction: string, granularity: string) => void;
const proto = Selection.prototype as unknown as { modify?: Modify };

afterEach(() => {
  delete proto.modify;
  document.body.replaceChildren();
  document.getSelection()?.removeAllRanges();
});

function body(): HTMLElement {
  const root = document.createElement('div');
  const p = document.createElement('p');
  p.setAttribute('data-offset', '0');
  const mark = document.createElement('mark');
  mark.setAttribute('data-highlight-id', 'h-1');
  mark.tabIndex = 0;
  mark.append('GABA');
  p.append('Glutamate and ', mark, ' balance.');
  root.append(p);
  document.body.append(root);
  return root;
}

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

describe('extendSelectionByKey', () => {
  it('does nothing without Selection.modify or without Shift', () => {
    const root = body();
    expect(extendSelectionByKey(root, key({ key: 'ArrowRight', shiftKey: true }))).toBe(false);
    proto.modify = vi.fn();
    expect(extendSelectionByKey(root, key({ key: 'ArrowRight' }))).toBe(false);
    expect(extendSelectionByKey(root, key({ key: 'a', shiftKey: true }))).toBe(false);
    expect(proto.modify).not.toHaveBeenCalled();
  });

  it('starts at the focused highlight, else the first block, and extends by the key’s step', () => {
    const root = body();
    const calls: string[][] = [];
    proto.modify = function (this: Selection, ...args: string[]) {
      calls.push([...args, String(this.anchorNode?.textContent), String(this.anchorOffset)]);
    } as Modify;
    root.querySelector('mark')!.focus();
    expect(extendSelectionByKey(root, key({ key: 'ArrowRight', shiftKey: true, ctrlKey: true }))).toBe(true);
    // From the start of the focused highlight, by word.
    expect(calls[0]).toEqual(['extend', 'forward', 'word', 'GABA', '0']);

    document.getSelection()!.removeAllRanges();
    (document.activeElement as HTMLElement).blur();
    expect(extendSelectionByKey(root, key({ key: 'ArrowDown', shiftKey: true }))).toBe(true);
    expect(calls[1]!.slice(0, 3)).toEqual(['extend', 'forward', 'line']);
    expect(calls[1]![3]).toBe('Glutamate and GABA balance.');

    // A selection already in the body is extended from where it is.
    expect(extendSelectionByKey(root, key({ key: 'Home', shiftKey: true }))).toBe(true);
    expect(calls[2]!.slice(0, 3)).toEqual(['extend', 'backward', 'lineboundary']);
  });
});
