/** The title a new note gets without one: "Untitled", then "Untitled 1", "Untitled 2", … */
export function untitledTitle(taken: (title: string) => boolean, base = 'Untitled'): string {
  if (!taken(base)) return base;
  for (let n = 1; ; n++) {
    const title = `${base} ${n}`;
    if (!taken(title)) return title;
  }
}
