/**
 * Obsidian callouts: `> [!type]± Title` opening a block quote. The types and their aliases
 * are Obsidian's; an unknown type shows as a note, as in Obsidian.
 */

/** The callout types Obsidian styles, each with the aliases that share its look. */
export const CALLOUT_TYPES = {
  note: [],
  abstract: ['summary', 'tldr'],
  info: [],
  todo: [],
  tip: ['hint', 'important'],
  success: ['check', 'done'],
  question: ['help', 'faq'],
  warning: ['caution', 'attention'],
  failure: ['fail', 'missing'],
  danger: ['error'],
  bug: [],
  example: [],
  quote: ['cite'],
} as const satisfies Record<string, readonly string[]>;

export type CalloutKind = keyof typeof CALLOUT_TYPES;

const KIND_OF = new Map<string, CalloutKind>();
for (const [kind, aliases] of Object.entries(CALLOUT_TYPES) as [CalloutKind, readonly string[]][]) {
  KIND_OF.set(kind, kind);
  for (const alias of aliases) KIND_OF.set(alias, kind);
}

/** The look of a callout type as written (`Tip`, `faq`…): case-insensitive; unknown types are notes. */
export function calloutKind(type: string): CalloutKind {
  return KIND_OF.get(type.trim().toLowerCase()) ?? 'note';
}

/** `''` for a callout that cannot fold, `+` open by default, `-` folded by default. */
export type CalloutFold = '' | '+' | '-';

export interface CalloutHeader {
  /** The type as written between `[!` and `]`. */
  readonly type: string;
  readonly fold: CalloutFold;
  /** The title as written (may be ''). */
  readonly title: string;
}

const HEADER = /^[ \t]*\[!([^\]\n]+)\]([+-]?)[ \t]*(.*?)[ \t]*$/;

/** The callout header in the first line of a quote's content (after `> `), or null. */
export function matchCalloutHeader(content: string): CalloutHeader | null {
  const match = HEADER.exec(content);
  if (!match) return null;
  return { type: match[1]!, fold: match[2] as CalloutFold, title: match[3] ?? '' };
}

/** The header line of a callout as the dialect writes it. */
export function formatCalloutHeader(type: string, fold: CalloutFold, title: string): string {
  return `> [!${type}]${fold}${title === '' ? '' : ` ${title}`}`;
}
