import './kindBadge.css';

/** What a document is, as a small coloured label: purple for the glossary, green for notes (the app's tokens). */
export function KindBadge({ kind }: { kind: 'entry' | 'note' }) {
  return <span className={`kind-badge kind-badge-${kind}`}>{kind === 'entry' ? 'Glossary' : 'Note'}</span>;
}
