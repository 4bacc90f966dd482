import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAYLOADS } from '../../../../../e2e/fixtures/injectionPayloads';
import { CommandRegistry } from '../../ui/commands/CommandRegistry';
import { CommandRegistryContext } from '../../ui/commands/useCommands';
import type { PropertyTypesInfo } from '@shared/domain/propertyTypes';
import type { PropertyType } from '@shared/properties/readProperties';
import { PropertiesPanel } from './PropertiesPanel';

const FRONT_MATTER = `---
title: "Action potentials"
tags:
  - neuro
  - exam
# by hand
rating: 4
done: false
due: 2024-10-01
authors: [Kandel, Purves]
nested:
  a: 1
---
`;

afterEach(cleanup);

/** The panel over a front matter that follows its own edits, as the note session does. */
function renderPanel(initial: string, options: { registry?: CommandRegistry; onTagClick?(tag: string): void } = {}) {
  let current = initial;
  const changes: string[] = [];
  const registry = options.registry ?? new CommandRegistry();
  const view = (frontMatter: string) => (
    <CommandRegistryContext.Provider value={registry}>
      <PropertiesPanel
        frontMatter={frontMatter}
        eol={'\n'}
        readOnly={false}
        onChange={(next) => {
          current = next;
          changes.push(next);
          result.rerender(view(next));
        }}
        onTagClick={options.onTagClick}
      />
    </CommandRegistryContext.Provider>
  );
  const result = render(view(initial));
  return { changes, current: () => current, registry };
}

describe('PropertiesPanel', () => {
  it('shows each property with the editor of its type, and read-only shapes with the reason', () => {
    renderPanel(FRONT_MATTER);
    expect(screen.getByRole('textbox', { name: 'title (text)' })).toHaveProperty('value', 'Action potentials');
    expect(screen.getByRole('spinbutton', { name: 'rating (number)' })).toHaveProperty('value', '4');
    expect(screen.getByRole('checkbox', { name: 'done (checkbox)' })).toHaveProperty('checked', false);
    expect(screen.getByLabelText('due (date)')).toHaveProperty('value', '2024-10-01');
    const tags = screen.getByRole('group', { name: 'tags (tags)' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['#neuro', '#exam']);
    const authors = screen.getByRole('group', { name: 'authors (list)' });
    expect(
      within(authors)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Kandel', 'Purves']);
    expect(screen.getByText(/Read-only: It holds nested properties/)).toBeTruthy();
  });

  it('writes an edit to its key only, on Enter', () => {
    const panel = renderPanel(FRONT_MATTER);
    const title = screen.getByRole('textbox', { name: 'title (text)' });
    fireEvent.change(title, { target: { value: 'Resting potential' } });
    fireEvent.keyDown(title, { key: 'Enter' });
    expect(panel.current()).toBe(FRONT_MATTER.replace('"Action potentials"', '"Resting potential"'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'done (checkbox)' }));
    expect(panel.current()).toContain('done: true\n');
    const add = screen.getByRole('textbox', { name: 'Add to tags' });
    fireEvent.change(add, { target: { value: '#week3' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(panel.current()).toContain('  - exam\n  - week3\n# by hand\n');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Purves from authors' }));
    expect(panel.current()).toContain('authors: [Kandel]\n');
  });

  it('renames a key in place and refuses a name in use', () => {
    const panel = renderPanel(FRONT_MATTER);
    const name = screen.getByRole('textbox', { name: 'Name of property rating' });
    fireEvent.change(name, { target: { value: 'stars' } });
    fireEvent.blur(name);
    expect(panel.current()).toBe(FRONT_MATTER.replace('rating: 4', 'stars: 4'));
    const stars = screen.getByRole('textbox', { name: 'Name of property stars' });
    fireEvent.change(stars, { target: { value: 'title' } });
    fireEvent.keyDown(stars, { key: 'Enter' });
    expect(screen.getByRole('alert').textContent).toMatch(/already/);
    expect(panel.current()).toBe(FRONT_MATTER.replace('rating: 4', 'stars: 4'));
  });

  it('removes a property with Undo', () => {
    const panel = renderPanel(FRONT_MATTER);
    fireEvent.click(screen.getByRole('button', { name: 'Remove property tags' }));
    expect(panel.current()).toBe(FRONT_MATTER.replace('tags:\n  - neuro\n  - exam\n', ''));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(panel.current()).toBe(FRONT_MATTER);
  });

  it('is hidden without front matter; "Add property" from the palette creates it', () => {
    const registry = new CommandRegistry();
    const panel = renderPanel('', { registry });
    expect(screen.queryByRole('region')).toBeNull();
    act(() => void registry.run('note.addProperty'));
    fireEvent.change(screen.getByRole('textbox', { name: 'New property name' }), { target: { value: 'status' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'New property type' }), { target: { value: 'list' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(panel.current()).toBe('---\nstatus:\n---\n');
    // Chosen as a list, the empty property edits as one.
    const add = screen.getByRole('textbox', { name: 'Add to status' });
    fireEvent.change(add, { target: { value: 'draft' } });
    fireEvent.keyDown(add, { key: 'Enter' });
    expect(panel.current()).toBe('---\nstatus:\n  - draft\n---\n');
  });

  it('shows wiki links in values as links that open, with Edit for the text', () => {
    const onOpenLink = vi.fn();
    const frontMatter = '---\nrelated: "see [[Sodium channels|Na]]"\nsources:\n  - "[[Kandel#Chapter 7]]"\n---\n';
    render(
      <PropertiesPanel
        frontMatter={frontMatter}
        eol={'\n'}
        readOnly={false}
        onChange={() => undefined}
        onOpenLink={onOpenLink}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Na' }));
    expect(onOpenLink).toHaveBeenLastCalledWith('Sodium channels', null);
    fireEvent.click(screen.getByRole('button', { name: 'Kandel › Chapter 7' }));
    expect(onOpenLink).toHaveBeenLastCalledWith('Kandel', 'Chapter 7');
    fireEvent.click(screen.getByRole('button', { name: 'Edit related' }));
    expect(screen.getByRole('textbox', { name: 'related (text)' })).toHaveProperty(
      'value',
      'see [[Sodium channels|Na]]',
    );
  });

  it('collapses and expands', () => {
    renderPanel(FRONT_MATTER);
    const toggle = screen.getByRole('button', { name: 'Properties' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'title (text)' })).toBeNull();
  });

  it('shows invalid YAML as its source with the reason, and changes nothing', () => {
    const broken = '---\ntitle: [unclosed\n---\n';
    const panel = renderPanel(broken);
    expect(screen.getByRole('note').textContent).toMatch(/not valid YAML/);
    expect(screen.getByLabelText('Front matter source').textContent).toBe(broken);
    expect(screen.queryByRole('button', { name: /Add property/ })).toBeNull();
    expect(panel.changes).toEqual([]);
  });

  it('changes a type from the type icon menu; a value that does not fit is kept as written', async () => {
    const frontMatter = '---\ncode: "12"\nnote: soon\nweeks: [1, 2]\n---\n';
    const changes: string[] = [];
    let vaultTypes: PropertyTypesInfo = { types: {}, problem: null };
    // As usePropertyTypes does: a saved type is in the vault's types the panel is given next.
    const onTypeChange = vi.fn(async (key: string, type: PropertyType) => {
      vaultTypes = { types: { ...vaultTypes.types, [key]: type }, problem: null };
      view.rerender(panelWith(vaultTypes));
      return null;
    });
    const panelWith = (types: PropertyTypesInfo) => (
      <PropertiesPanel
        frontMatter={frontMatter}
        eol={'\n'}
        readOnly={false}
        onChange={(next) => changes.push(next)}
        onTypeChange={onTypeChange}
        vaultTypes={types}
      />
    );
    const view = render(panelWith(vaultTypes));
    fireEvent.click(screen.getByRole('button', { name: 'Type of code: Text. Change type' }));
    const menu = screen.getByRole('menu', { name: 'Type of code' });
    expect(
      within(menu)
        .getAllByRole('menuitemradio')
        .map((item) => item.textContent),
    ).toEqual(['Text', 'List', 'Number', 'Checkbox', 'Date', 'Date and time']);
    await act(async () => fireEvent.click(within(menu).getByRole('menuitemradio', { name: 'Number' })));
    expect(onTypeChange).toHaveBeenLastCalledWith('code', 'number');
    expect(screen.getByRole('spinbutton', { name: 'code (number)' })).toHaveProperty('value', '12');

    fireEvent.click(screen.getByRole('button', { name: 'Type of note: Text. Change type' }));
    await act(async () => fireEvent.click(screen.getByRole('menuitemradio', { name: 'Date' })));
    expect(onTypeChange).toHaveBeenLastCalledWith('note', 'date');
    expect(screen.getByRole('textbox', { name: 'note (text)' })).toHaveProperty('value', 'soon');
    expect(screen.getByRole('button', { name: 'Type of note: Date. Change type' })).toBeTruthy();
    expect(screen.getByText('Not a date: kept as written.')).toBeTruthy();

    // A list of numbers is a list like any other.
    const weeks = screen.getByRole('group', { name: 'weeks (list)' });
    expect(
      within(weeks)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1', '2']);

    // Once saved, a type follows the vault's types: changed on disk by another program, it applies.
    view.rerender(panelWith({ types: { code: 'text', note: 'date' }, problem: null }));
    expect(screen.getByRole('textbox', { name: 'code (text)' })).toHaveProperty('value', '12');
    expect(changes).toEqual([]);
  });

  it('takes each property’s editor from the vault’s types.json, and says when a type could not be saved', async () => {
    const onTypeChange = vi.fn(async () => 'Obsidian’s property types (.obsidian/types.json) could not be read');
    render(
      <PropertiesPanel
        frontMatter={'---\nlecture: "4"\ndone: "true"\n---\n'}
        eol={'\n'}
        readOnly={false}
        onChange={() => undefined}
        vaultTypes={{ types: { lecture: 'number', done: 'checkbox' }, problem: null }}
        onTypeChange={onTypeChange}
      />,
    );
    expect(screen.getByRole('spinbutton', { name: 'lecture (number)' })).toHaveProperty('value', '4');
    expect(screen.getByRole('checkbox', { name: 'done (checkbox)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Type of lecture: Number. Change type' }));
    await act(async () => fireEvent.click(screen.getByRole('menuitemradio', { name: 'Text' })));
    expect(screen.getByRole('textbox', { name: 'lecture (text)' })).toHaveProperty('value', '4');
    expect(screen.getByRole('alert').textContent).toMatch(/applies while this note is open, but was not saved/);
  });

  it('never runs or loads what property keys and values hold', () => {
    const canary = vi.fn();
    Object.assign(window, { __canary: undefined, alert: canary });
    const lines = PAYLOADS.map(
      (payload, index) => `${JSON.stringify(`k${index} ${payload.markdown}`)}: ${JSON.stringify(payload.markdown)}`,
    );
    const frontMatter = `---\n${lines.join('\n')}\ntags: [${PAYLOADS.slice(0, 5)
      .map((p) => JSON.stringify(p.markdown))
      .join(', ')}]\n---\n`;
    const { container } = render(
      <PropertiesPanel
        frontMatter={frontMatter}
        eol={'\n'}
        readOnly={false}
        onChange={() => undefined}
        vaultTypes={{
          types: Object.fromEntries(PAYLOADS.map((payload, index) => [`k${index} ${payload.markdown}`, 'date'])),
          problem: null,
        }}
      />,
    );
    expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(PAYLOADS.length);
    expect(
      container.querySelectorAll('script, iframe, img, svg:not([aria-hidden]), object, embed, video, audio, a[href]'),
    ).toHaveLength(0);
    for (const element of container.querySelectorAll('*')) {
      for (const attribute of element.attributes) expect(attribute.name.startsWith('on')).toBe(false);
    }
    expect((window as { __canary?: unknown }).__canary).toBeUndefined();
    expect(canary).not.toHaveBeenCalled();
  });
});
