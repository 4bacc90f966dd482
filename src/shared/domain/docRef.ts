/** A reference to something the user can open: a glossary entry or a note. */
export type DocRef = { kind: 'entry'; id: string } | { kind: 'note'; path: string };

export function sameDoc(a: DocRef | null | undefined, b: DocRef | null | undefined): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  return a.kind === 'entry' ? a.id === (b as typeof a).id : a.path === (b as typeof a).path;
}
