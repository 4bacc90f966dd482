/** An attribute value quoted for a CSS selector (highlight ids are letters, digits, - and _ anyway). */
export function cssString(value: string): string {
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
