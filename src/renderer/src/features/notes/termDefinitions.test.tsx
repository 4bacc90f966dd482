import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../api/testing/fakeClient';
import { appCommands } from '../../ui/commands/CommandRegistry';
import { useTermDefinitions, type TermDefinitionsOptions } from './termDefinitions';

describe('the switches of definitions in notes', () => {
  it('gives the editor no host while they are off globally or for the note, and the commands switch them', async () => {
    let stored: 'on' | 'off' = 'off';
    const api = fakeClient({
      getPreferences: async () => ({ termDefinitions: stored }),
      updatePreferences: async ({ patch }) => {
        stored = patch.termDefinitions ?? stored;
        return { termDefinitions: stored };
      },
    });
    const editFrontMatter = vi.fn();
    const options = (frontMatter: string): TermDefinitionsOptions => ({
      api,
      notePath: 'Study.md',
      frontMatter,
      eol: '\n',
      readOnly: false,
      editFrontMatter,
      openBeside: vi.fn(),
      open: vi.fn(),
      onNotice: vi.fn(),
    });
    const { result, rerender } = renderHook(
      (props: { frontMatter: string }) => useTermDefinitions(options(props.frontMatter)),
      {
        initialProps: { frontMatter: '' },
      },
    );
    // Off in the preferences: nothing to show; the command says it turns them on.
    await waitFor(() => expect(appCommands.get('terms.toggleGlobal')?.title).toBe('Turn definitions in notes on'));
    expect(result.current).toBeUndefined();
    await act(async () => void appCommands.run('terms.toggleGlobal'));
    expect(stored).toBe('on');
    expect(result.current).toBeDefined();
    const host = result.current;
    rerender({ frontMatter: '' });
    // The same host across renders: the editor does not scan the note again.
    expect(result.current).toBe(host);

    // Off for this note: its property is written through the properties path.
    expect(appCommands.get('terms.toggleNote')?.title).toBe('Turn definitions off for this note');
    act(() => void appCommands.run('terms.toggleNote'));
    expect(editFrontMatter).toHaveBeenLastCalledWith('---\ndefinitions: false\n---\n');
    rerender({ frontMatter: '---\ndefinitions: false\n---\n' });
    expect(result.current).toBeUndefined();
    expect(appCommands.get('terms.toggleNote')?.title).toBe('Turn definitions on for this note');
    act(() => void appCommands.run('terms.toggleNote'));
    expect(editFrontMatter).toHaveBeenLastCalledWith('');
  });
});
