/** "1 entry", "2,345 entries". */
export function formatCount(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}
