/**
 * A formula as the reader sees it: typeset by KaTeX once it is near the viewport (its
 * source, faint, until then), a TeX error shown in place with the source. Its accessible
 * name is "Formula: <source>".
 */
import { type JSX, useEffect, useLayoutEffect, useRef, useState } from 'react';
import 'katex/dist/katex.min.css';
import { cachedMath, loadKatex, type MathResult, renderMath } from './renderMath';
import { whenVisible } from './lazyVisibility';
import { showTypeset } from './typesetRoot';
import './math.css';

export interface MathViewProps {
  readonly tex: string;
  readonly display: boolean;
}

/** Shows a sanitized KaTeX fragment (renderMath: trust off, DOMPurify after), as nodes in its shadow root (see typesetRoot). */
function TypesetMath({
  className,
  label,
  fragment,
}: {
  className: string;
  label: string;
  fragment: DocumentFragment;
}): JSX.Element {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (ref.current) showTypeset(ref.current, fragment);
  }, [fragment]);
  return <span ref={ref} className={className} role="img" aria-label={label} />;
}

export function MathView({ tex, display }: MathViewProps): JSX.Element {
  const ref = useRef<HTMLSpanElement>(null);
  // A formula seen before (a re-mount, an undo) shows at once.
  const [result, setResult] = useState<MathResult | null>(() => cachedMath(tex, display));
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return whenVisible(element, () => setVisible(true));
  }, []);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    void loadKatex().then((engine) => {
      if (live) setResult(renderMath(engine, tex, display));
    });
    return () => {
      live = false;
    };
  }, [visible, tex, display]);

  const className = `math ${display ? 'math--block' : 'math--inline'}`;
  const label = `Formula: ${tex}`;
  if (result && 'fragment' in result) {
    return <TypesetMath className={className} label={label} fragment={result.fragment} />;
  }
  if (result) {
    return (
      <span ref={ref} className={`${className} math--error`} role="img" aria-label={`${label} (error)`}>
        <span className="math__source">{tex}</span>
        <span className="math__message">{result.error}</span>
      </span>
    );
  }
  return (
    <span ref={ref} className={`${className} math--pending`} role="img" aria-label={label}>
      {tex}
    </span>
  );
}
