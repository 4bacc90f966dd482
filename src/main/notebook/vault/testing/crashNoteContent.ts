/** The notes a crash test writes, and what each version of each note holds. */

export const CRASH_NOTES = 4;

export function crashNotePath(note: number): string {
  return `Crash note ${note}.md`;
}

/**
 * Version `version` of note `note`: a header naming both, a body whose length varies
 * from a few bytes to ~300 KB (so kills land at every stage of a write), and a trailer,
 * so a truncated or mixed file can never pass for a whole version.
 */
export function crashNoteContent(note: number, version: number): string {
  const size = ((version * 7919 + note * 104729) % 300) * 1024;
  const filler = `${note}:${version} `.repeat(Math.ceil(size / 12)).slice(0, size);
  return `# Note ${note}, version ${version}\n\n${filler}\n\nend of note ${note} version ${version}\n`;
}
