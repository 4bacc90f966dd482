import type { Command } from '../../ui/commands/CommandRegistry';
import { matchTitle } from '@shared/titles/matchTitle';

export interface Choice {
  command: Command;
  /** Matched characters of `${group}: ${title}` (or of the title when there is no group). */
  ranges: Array<[number, number]>;
}

const RECENT_SHOWN = 5;

/** What the palette shows and matches for a command: `Group: Title`, or the title alone. */
export function labelOf(command: Command): string {
  return command.group ? `${command.group}: ${command.title}` : command.title;
}

/**
 * The palette's choices for `query`: every available command whose label matches (or, less
 * well, whose keywords do), best first, as the shared title matcher decides
 * (shared/titles/matchTitle.ts; no typos). With an empty query, recently run commands come
 * first, then all the others by group and title.
 */
export function filterCommands(
  commands: readonly Command[],
  query: string,
  recent: readonly string[] = [],
): { recent: Choice[]; others: Choice[] } {
  if (query.trim() === '') {
    const recentChoices = recent
      .map((id) => commands.find((command) => command.id === id))
      .filter((command): command is Command => command !== undefined)
      .slice(0, RECENT_SHOWN)
      .map((command) => ({ command, ranges: [] }));
    const shown = new Set(recentChoices.map((choice) => choice.command.id));
    return {
      recent: recentChoices,
      others: commands.filter((command) => !shown.has(command.id)).map((command) => ({ command, ranges: [] })),
    };
  }
  const scored: Array<Choice & { score: number; keyword: boolean }> = [];
  for (const command of commands) {
    const match = matchTitle(query, labelOf(command));
    if (match) {
      scored.push({ command, ranges: match.ranges, score: match.score, keyword: false });
      continue;
    }
    const keyword = matchTitle(query, [command.title, ...(command.keywords ?? [])].join(' '));
    // A keyword match ranks below any label match and marks nothing.
    if (keyword) scored.push({ command, ranges: [], score: keyword.score, keyword: true });
  }
  scored.sort((a, b) => Number(a.keyword) - Number(b.keyword) || b.score - a.score);
  return { recent: [], others: scored.map(({ command, ranges }) => ({ command, ranges })) };
}
