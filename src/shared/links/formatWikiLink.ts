/** The parts of a wiki link to write (see WikiLink for their meaning). */
export interface WikiLinkParts {
  target: string;
  heading?: string | null;
  label?: string | null;
  embed?: boolean;
  /** Write the label separator as `\|` (inside a table cell). */
  escapedPipe?: boolean;
}

/**
 * Writes a wiki link: `[[target]]`, `[[target#heading]]`, `[[target|label]]`,
 * `[[target#heading|label]]`, with `!` in front for an embed.
 *
 * Every link parseWikiLinks reads comes back exactly as written
 * (`formatWikiLink(link) === link.source`). Parts that a link cannot hold are repaired
 * rather than refused, so the result always reads back as one link with the same parts
 * when the target or heading is not blank: line breaks become spaces; in the target `|`
 * and `#` become spaces; `[[` and `]]` inside a part lose a bracket; a leading `[` of the
 * target and a `]` right before the closing brackets are dropped; a trailing backslash
 * right before the `|` is dropped (it would turn `|` into `\|`). Never throws.
 */
export function formatWikiLink(parts: WikiLinkParts): string {
  const heading = parts.heading ?? null;
  const label = parts.label ?? null;
  const escapedPipe = label !== null && (parts.escapedPipe ?? false);
  let target = clean(parts.target).replace(/[|#]/g, ' ').replace(/^\[+/, '');
  let head = heading === null ? null : clean(heading).replace(/\|/g, ' ');
  let text = label === null ? null : clean(label);
  // What comes last before `]]` must not end with `]`; before `|`, not with `\`.
  if (text !== null) text = text.replace(/\]+$/, '');
  else if (head !== null) head = head.replace(/\]+$/, '');
  else target = target.replace(/\]+$/, '');
  if (text !== null && !escapedPipe) {
    if (head !== null) head = head.replace(/\\+$/, '');
    else target = target.replace(/\\+$/, '');
  }
  const pipe = escapedPipe ? '\\|' : '|';
  return `${parts.embed ? '!' : ''}[[${target}${head === null ? '' : `#${head}`}${text === null ? '' : `${pipe}${text}`}]]`;
}

/** Line breaks become spaces; `[[` and `]]` runs lose brackets until none is left. */
function clean(part: string): string {
  return part
    .replace(/\r\n|[\r\n]/g, ' ')
    .replace(/\[{2,}/g, '[')
    .replace(/\]{2,}/g, ']');
}
