/**
 * One long, realistic study note for the browser benchmarks, deterministic for a seed:
 * sections with headings, paragraphs with bold, italic, inline code, wiki links and web
 * links, bullet, numbered and task lists, quotes and the odd code block. Words come from
 * the benchmark vocabulary with a Zipf distribution (see generateVault).
 */
import { createRandom, makeVocabulary, zipfSampler } from './generateVault';

export interface LongNoteOptions {
  /** Words of prose (markup not counted). */
  words: number;
  /** Default 1. */
  seed?: number;
  /** Titles wiki links point to (glossary entries, other notes). Default: made-up titles. */
  linkTargets?: string[];
}

/** The note's Markdown (no front matter), ending with a newline. */
export function generateLongNote(options: LongNoteOptions): string {
  const random = createRandom(options.seed ?? 1);
  const vocabulary = makeVocabulary(5_000, random);
  const rank = zipfSampler(vocabulary.length, random);
  const word = () => vocabulary[rank()]!;
  const targets = options.linkTargets ?? ['Synaptic Transmission', 'Action Potential', 'Long-Term Potentiation'];
  let written = 0;

  const phrase = (count: number): string => {
    const parts: string[] = [];
    for (let i = 0; i < count; i++) {
      const w = word();
      const roll = random();
      if (roll < 0.03) parts.push(`**${w}**`);
      else if (roll < 0.05) parts.push(`*${w}*`);
      else if (roll < 0.06) parts.push(`\`${w}\``);
      else if (roll < 0.075) parts.push(`[[${targets[Math.floor(random() * targets.length)]!}]]`);
      else if (roll < 0.08) parts.push(`[${w}](https://example.org/${w})`);
      else parts.push(w);
    }
    written += count;
    return parts.join(' ');
  };
  const sentence = (count: number): string => {
    const text = phrase(count);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (): string => {
    const sentences: string[] = [];
    const count = 3 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) sentences.push(sentence(6 + Math.floor(random() * 14)));
    return sentences.join(' ');
  };

  const blocks: string[] = ['# Study notes'];
  let section = 0;
  while (written < options.words) {
    const roll = random();
    if (roll < 0.08) {
      blocks.push(`## ${++section}. ${sentence(2 + Math.floor(random() * 3)).slice(0, -1)}`);
    } else if (roll < 0.18) {
      const items = 3 + Math.floor(random() * 4);
      const lines: string[] = [];
      for (let i = 0; i < items; i++) {
        lines.push(`${i > 0 && random() < 0.2 ? '  ' : ''}- ${sentence(4 + Math.floor(random() * 10))}`);
      }
      blocks.push(lines.join('\n'));
    } else if (roll < 0.22) {
      const lines: string[] = [];
      for (let i = 0; i < 4; i++) lines.push(`${i + 1}. ${sentence(5 + Math.floor(random() * 8))}`);
      blocks.push(lines.join('\n'));
    } else if (roll < 0.25) {
      blocks.push(`- [ ] ${sentence(6)}\n- [x] ${sentence(5)}\n- [ ] ${sentence(7)}`);
    } else if (roll < 0.28) {
      blocks.push(`> ${sentence(12)}\n> ${sentence(9)}`);
    } else if (roll < 0.295) {
      blocks.push('```ts\nconst ratio = gaba / glutamate;\nif (ratio < threshold) excite();\n```');
    } else {
      blocks.push(paragraph());
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
