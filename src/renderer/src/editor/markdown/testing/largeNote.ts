/** A realistic study note of about `words` words (headings, prose with formatting and links, lists, tasks, quotes, code). */
export function largeNote(words = 20_000): string {
  const vocabulary = [
    'neuron',
    'synapse',
    'glutamate',
    'receptor',
    'the',
    'of',
    'and',
    'a',
    'to',
    'in',
    'is',
    'that',
    'membrane',
    'potential',
    'dopamine',
    'pathway',
    'release',
    'binding',
    'signal',
    'cortex',
    'inhibitory',
    'excitatory',
  ];
  let seed = 7;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const word = (): string => vocabulary[Math.floor(next() * vocabulary.length)]!;
  const sentence = (length: number): string => {
    const parts: string[] = [];
    for (let index = 0; index < length; index++) {
      const roll = next();
      const w = word();
      if (roll < 0.04) parts.push(`**${w}**`);
      else if (roll < 0.07) parts.push(`*${w}*`);
      else if (roll < 0.09) parts.push(`\`${w}\``);
      else if (roll < 0.1) parts.push(`[${w}](https://example.com/${w})`);
      else if (roll < 0.11) parts.push(`[[${w}]]`);
      else parts.push(w);
    }
    return `${parts.join(' ')}.`;
  };
  const blocks: string[] = [];
  let count = 0;
  let section = 0;
  while (count < words) {
    const roll = next();
    if (roll < 0.06) {
      blocks.push(`## Section ${++section}`);
      count += 2;
    } else if (roll < 0.2) {
      const items: string[] = [];
      for (let index = 0; index < 5; index++) items.push(`${index % 3 === 2 ? '    ' : ''}- ${sentence(8)}`);
      blocks.push(items.join('\n'));
      count += 40;
    } else if (roll < 0.25) {
      blocks.push(`- [ ] ${sentence(6)}\n- [x] ${sentence(6)}`);
      count += 12;
    } else if (roll < 0.3) {
      blocks.push(`> ${sentence(15)}\n> ${sentence(10)}`);
      count += 25;
    } else if (roll < 0.33) {
      blocks.push('```ts\nconst signal = receptor.bind(glutamate);\nif (signal > threshold) fire();\n```');
      count += 10;
    } else {
      blocks.push(`${sentence(20)} ${sentence(18)} ${sentence(12)}`);
      count += 50;
    }
  }
  return `${blocks.join('\n\n')}\n`;
}
