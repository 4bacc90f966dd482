import { fold, foldWithOffsets } from '@shared/text/fold';
import { normalizeRanges } from '../../ui/highlight/textRanges';

export interface FuzzyMatch {
  /** Higher is better; only comparable between matches of the same query. */
  score: number;
  /** The matched characters of the text, as merged [start, end) offsets. */
  ranges: Array<[number, number]>;
}

const WORD_START_BONUS = 10;
const FIRST_CHARACTER_BONUS = 4;
const CONSECUTIVE_BONUS = 9;
const MATCH_SCORE = 1;
const GAP_PENALTY = 0.3;
const LEADING_GAP_PENALTY = 0.05;

const isWordCharacter = (character: string | undefined) => character !== undefined && /[\p{L}\p{N}]/u.test(character);

/**
 * The best alignment of `word` as a subsequence of `text` (both folded), favouring word
 * starts and runs of consecutive characters: "nn" finds the two initials of "New note",
 * "shcmd" finds "SHow all CoMmanDs". Only text from `start` on is used. Dynamic programming,
 * O(word × text).
 */
function alignWord(word: string, text: string, start = 0): { score: number; positions: number[] } | null {
  const m = word.length;
  const n = text.length;
  if (m === 0) return { score: 0, positions: [] };
  if (m > n - start) return null;
  const bonus = Array.from({ length: n }, (_, j) => {
    const wordStart = j === 0 || !isWordCharacter(text[j - 1]);
    return MATCH_SCORE + (wordStart ? WORD_START_BONUS : 0) + (j === 0 ? FIRST_CHARACTER_BONUS : 0);
  });
  // score[i][j]: best score with word[i] matched at text[j]; from[i][j]: where word[i-1] was.
  const score: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(n).fill(-Infinity);
    const back = new Int32Array(n).fill(-1);
    const previous = score[i - 1];
    // Best of previous[k] - GAP_PENALTY * (j - k - 1) over k < j - 1, carried along j.
    let gapBest = -Infinity;
    let gapFrom = -1;
    for (let j = start + i; j < n; j++) {
      if (previous && j >= 2) {
        const candidate = previous[j - 2]!;
        if (gapBest - GAP_PENALTY < candidate - GAP_PENALTY) {
          gapBest = candidate - GAP_PENALTY;
          gapFrom = j - 2;
        } else {
          gapBest -= GAP_PENALTY;
        }
      } else if (previous) {
        gapBest -= GAP_PENALTY;
      }
      if (text[j] !== word[i]) continue;
      if (!previous) {
        row[j] = bonus[j]! - LEADING_GAP_PENALTY * (j - start);
        continue;
      }
      const adjacent = j >= 1 ? previous[j - 1]! + CONSECUTIVE_BONUS : -Infinity;
      if (adjacent >= gapBest && adjacent > -Infinity) {
        row[j] = adjacent + bonus[j]!;
        back[j] = j - 1;
      } else if (gapBest > -Infinity) {
        row[j] = gapBest + bonus[j]!;
        back[j] = gapFrom;
      }
    }
    score.push(row);
    from.push(back);
  }
  const last = score[m - 1]!;
  let end = -1;
  for (let j = 0; j < n; j++) if (last[j]! > -Infinity && (end < 0 || last[j]! > last[end]!)) end = j;
  if (end < 0) return null;
  const positions: number[] = [];
  for (let i = m - 1, j = end; i >= 0; j = from[i]![j]!, i--) positions.unshift(j);
  // Letters picked from the middles of words ("head" in "searcH notEs AnD") are noise:
  // a word must start at a word start, or occur as it is.
  const first = positions[0]!;
  const contiguous = positions[m - 1]! - first === m - 1;
  if (first > 0 && isWordCharacter(text[first - 1]) && !contiguous) return null;
  return { score: last[end]!, positions };
}

function alignAll(words: readonly string[], text: string, inOrder: boolean) {
  let total = 0;
  let from = 0;
  const positions: number[] = [];
  for (const word of words) {
    const aligned = alignWord(word, text, inOrder ? from : 0);
    if (!aligned) return null;
    total += aligned.score;
    positions.push(...aligned.positions);
    from = aligned.positions[aligned.positions.length - 1]! + 1;
  }
  return { score: total, positions };
}

/**
 * Forgiving matching for short labels (command titles): every whitespace-separated word of
 * `query` must appear in `text` as a subsequence, case- and diacritic-insensitively;
 * words in the typed order are preferred, any order is accepted. null when some word does
 * not appear. A blank query matches with score 0.
 */
export function fuzzyMatch(query: string, text: string): FuzzyMatch | null {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return { score: 0, ranges: [] };
  const { text: folded, starts, ends } = foldWithOffsets(text);
  const aligned = alignAll(words, folded, true) ?? alignAll(words, folded, false);
  if (!aligned) return null;
  const spans = aligned.positions.map((position): [number, number] => [starts[position]!, ends[position]!]);
  // Among equal matches, the shorter label is the closer one.
  return { score: aligned.score - folded.length * 0.01, ranges: normalizeRanges(spans, text.length) };
}
