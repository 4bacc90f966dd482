/**
 * The accessible name of a list option (notes, search results, quick switcher, command
 * palette) is everything it shows, its parts separated by commas: "Lecture 4, just now",
 * "Lecture 4, Note, …snippet…" (Chromium puts a space before each comma, as the parts are
 * boxes of their own). This matches the option whose first part is `title`.
 */
export function optionNamed(title: string): RegExp {
  return new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ?(,|$)`);
}
