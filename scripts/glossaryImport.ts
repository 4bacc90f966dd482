/**
 * Imports a glossary reference pack: `npm run glossary:import -- <source-folder> <output-folder>`.
 *
 * Reads every `*.txt` source (and `manifest.json`) in the source folder and replaces the
 * output folder with one `<id>.md` entry file per source, all or nothing. Regenerate the
 * shipped glossary with:
 *
 *     npm run glossary:import -- resources/glossary/sources resources/glossary/entries
 *
 * Exit codes: 0 on success, 1 on an import error (message on stderr, no stack trace),
 * 2 on wrong usage.
 */
import { join } from 'node:path';
import { importGlossary } from '../src/main/notebook/glossary/importGlossary';

const USAGE = 'usage: npm run glossary:import -- <source-folder> <output-folder>';

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const [sourceDir, outputDir, ...extra] = args;
  if (sourceDir === undefined || outputDir === undefined || extra.length > 0) {
    console.error(`glossary:import: expected 2 arguments, got ${args.length}\n${USAGE}`);
    return 2;
  }
  try {
    const { entries } = await importGlossary(sourceDir, outputDir);
    for (const entry of entries) {
      const marks = [
        entry.editorialTitle ? 'editorial title' : '',
        entry.aliases.length ? `aliases: ${entry.aliases.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      console.log(
        `wrote ${join(outputDir, `${entry.id}.md`)}  "${entry.title}" from ${entry.source}${marks ? ` (${marks})` : ''}`,
      );
    }
    console.log(
      `glossary:import: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} written to ${outputDir}`,
    );
    return 0;
  } catch (error) {
    // A GlossaryImportError already names the file and the problem; a stack trace would only bury it.
    console.error(`glossary:import: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
