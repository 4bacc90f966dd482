/** A [start, end) span of a string, in UTF-16 offsets (the shape the backend sends). */
export type TextRange = readonly [start: number, end: number];

/**
 * Sorts spans, clips them to `[0, length]`, drops empty ones and merges those that overlap
 * or touch, so each character is covered at most once (`<mark>`s never nest or repeat).
 */
export function normalizeRanges(ranges: readonly TextRange[], length: number): Array<[number, number]> {
  const clipped = ranges
    .map(([start, end]): [number, number] => [Math.max(0, start), Math.min(length, end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of clipped) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
