import type { Shortcut } from '../../ui/shortcuts';

/** Every editor shortcut, in one place: the toolbar shows these, the plugins match them. */
export const SHORTCUTS = {
  bold: ['Mod', 'B'],
  italic: ['Mod', 'I'],
  strikethrough: ['Mod', 'Shift', 'X'],
  highlight: ['Mod', 'Shift', 'H'],
  code: ['Mod', 'E'],
  link: ['Mod', 'K'],
  undo: ['Mod', 'Z'],
  redo: ['Mod', 'Shift', 'Z'],
  /** Also redo, outside macOS (handled by Lexical like the others above). */
  redoAlternative: ['Ctrl', 'Y'],
  paragraph: ['Mod', 'Alt', '0'],
  h1: ['Mod', 'Alt', '1'],
  h2: ['Mod', 'Alt', '2'],
  h3: ['Mod', 'Alt', '3'],
  number: ['Mod', 'Shift', '7'],
  bullet: ['Mod', 'Shift', '8'],
  check: ['Mod', 'Shift', '9'],
  plainTextPaste: ['Mod', 'Shift', 'V'],
} as const satisfies Record<string, Shortcut>;
