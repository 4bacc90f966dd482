import type { EntrySection } from '@shared/domain/glossary';
import { GlossaryImportError } from './GlossaryImportError';
import { boilerplateStart, findBoilerplateRule } from './stripBoilerplate';

/** The section headings every source must have, in this order. */
export const SOURCE_SECTIONS = ['Origin', 'Mechanism'] as const;

/** The text of a source, split into the parts an entry is made of. */
export interface ParsedSource {
  /** The paragraphs before the first heading, separated by a blank line. */
  definition: string;
  /** One section per heading of SOURCE_SECTIONS, in that order, with the canonical heading spelling. */
  sections: EntrySection[];
}

interface Line {
  /** 1-based, for error messages. */
  number: number;
  text: string;
}

/**
 * Splits the decoded text of a glossary source into its definition and its "Origin" and
 * "Mechanism" sections, and drops the web-page trailer after the last section.
 *
 * Source format: one paragraph per line (blank lines are ignored; surrounding whitespace is
 * trimmed). First the definition paragraph(s); then a line that is exactly `Origin` and its
 * paragraph(s); then a line that is exactly `Mechanism` (headings match case-insensitively)
 * and its paragraph(s). Whatever follows, from the first line that looks like web-page
 * boilerplate (see `stripBoilerplate`), is the page's trailer and is dropped.
 *
 * Nothing is ever removed from inside the definition or a section: the paragraphs come out
 * exactly as written. The boilerplate rules only find where the last section ends. A line
 * *before* that point which looks like boilerplate cannot be cut silently (it may be real
 * text the rules misjudge) nor kept silently (it may be a banner that must never reach an
 * entry), so it is an error for a person to resolve.
 *
 * @throws GlossaryImportError naming `fileName` when a heading is missing, repeated or out
 *   of order, when the definition or a section is empty, or when a line of the definition,
 *   of "Origin" or the first line of "Mechanism" looks like boilerplate.
 */
export function parseSource(text: string, fileName: string): ParsedSource {
  const fail: (problem: string) => never = (problem) => {
    throw new GlossaryImportError(fileName, problem);
  };
  const lines: Line[] = text.split('\n').map((raw, index) => ({ number: index + 1, text: raw.trim() }));
  const isHeading = (line: Line, heading: string): boolean => line.text.toLowerCase() === heading.toLowerCase();

  const [originName, mechanismName] = SOURCE_SECTIONS;
  const origin = lines.findIndex((line) => isHeading(line, originName));
  if (origin === -1) fail(`no "${originName}" section found (expected a line that is just "${originName}")`);
  const mechanism = lines.findIndex((line, index) => index > origin && isHeading(line, mechanismName));
  if (mechanism === -1) {
    if (lines.some((line) => isHeading(line, mechanismName))) {
      fail(
        `the "${mechanismName}" heading comes before "${originName}"; expected the definition, then "${originName}", then "${mechanismName}"`,
      );
    }
    fail(`no "${mechanismName}" section found (expected a line that is just "${mechanismName}")`);
  }

  const definitionLines = nonBlank(lines.slice(0, origin));
  const originLines = nonBlank(lines.slice(origin + 1, mechanism));
  const afterMechanism = nonBlank(lines.slice(mechanism + 1));
  const mechanismLines = afterMechanism.slice(0, boilerplateStart(afterMechanism.map((line) => line.text)));

  if (definitionLines.length === 0) fail(`no definition paragraph before the "${originName}" heading`);
  if (originLines.length === 0) fail(`the "${originName}" section is empty`);
  if (mechanismLines.length === 0) {
    const first = afterMechanism[0];
    if (first === undefined) fail(`the "${mechanismName}" section is empty`);
    else {
      fail(
        `the "${mechanismName}" section is empty: line ${first.number}, right after the heading, looks like web-page boilerplate (${findBoilerplateRule(first.text)?.name}): ${excerpt(first.text)}`,
      );
    }
  }

  const body: [string, Line[]][] = [
    ['the definition', definitionLines],
    [`the "${originName}" section`, originLines],
  ];
  for (const [where, sectionLines] of body) {
    for (const line of sectionLines) {
      const rule = findBoilerplateRule(line.text);
      if (rule) {
        fail(
          `line ${line.number} in ${where} looks like web-page boilerplate (${rule.name}): ${excerpt(line.text)}; remove it from the source (or, if it is real text, reword it)`,
        );
      }
    }
  }
  for (const line of [...definitionLines, ...originLines, ...mechanismLines]) {
    const heading = SOURCE_SECTIONS.find((name) => isHeading(line, name));
    if (heading) {
      const other = heading === originName ? origin + 1 : mechanism + 1;
      const [a, b] = [other, line.number].sort((x, y) => x - y);
      fail(`the "${heading}" heading appears twice (lines ${a} and ${b})`);
    }
  }

  return {
    definition: paragraphs(definitionLines),
    sections: [
      { heading: originName, text: paragraphs(originLines) },
      { heading: mechanismName, text: paragraphs(mechanismLines) },
    ],
  };
}

function nonBlank(lines: Line[]): Line[] {
  return lines.filter((line) => line.text !== '');
}

function paragraphs(lines: Line[]): string {
  return lines.map((line) => line.text).join('\n\n');
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}…` : text);
}
