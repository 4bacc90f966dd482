/**
 * Callout icons: SVG paths after Lucide (ISC licence), one per callout kind, built with
 * DOM APIs (no markup is parsed).
 */
import type { CalloutKind } from '@shared/markdown/callouts';

const CIRCLE = 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20';

const PATHS: Readonly<Record<CalloutKind, readonly string[]>> = {
  note: ['M17 3a2.85 2.83 0 1 1 4 4L7.5 20.5 2 22l1.5-5.5Z', 'm15 5 4 4'],
  abstract: [
    'M9 2h6a1 1 0 0 1 1 1v2a1 1 0 0 1-1 1H9a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z',
    'M16 4h2a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h2',
    'M12 11h4',
    'M12 16h4',
    'M8 11h.01',
    'M8 16h.01',
  ],
  info: [CIRCLE, 'M12 16v-4', 'M12 8h.01'],
  todo: [CIRCLE, 'm9 12 2 2 4-4'],
  tip: [
    'M8.5 14.5A2.5 2.5 0 0 0 11 12c0-1.38-.5-2-1-3-1.07-2.14-.22-4.05 2-6 .5 2.5 2 4.9 4 6.5 2 1.6 3 3.5 3 5.5a7 7 0 1 1-14 0c0-1.15.43-2.29 1-3a2.5 2.5 0 0 0 2.5 2.5z',
  ],
  success: ['M20 6 9 17l-5-5'],
  question: [CIRCLE, 'M9.09 9a3 3 0 0 1 5.83 1c0 2-3 3-3 3', 'M12 17h.01'],
  warning: ['m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3Z', 'M12 9v4', 'M12 17h.01'],
  failure: ['M18 6 6 18', 'm6 6 12 12'],
  danger: ['M13 2 3 14h9l-1 8 10-12h-9l1-8z'],
  bug: [
    'm8 2 1.88 1.88',
    'M14.12 3.88 16 2',
    'M9 7.13v-1a3 3 0 1 1 6 0v1',
    'M12 20c-3.3 0-6-2.7-6-6v-3a4 4 0 0 1 4-4h4a4 4 0 0 1 4 4v3c0 3.3-2.7 6-6 6',
    'M12 20v-9',
    'M6.53 9C4.6 8.8 3 7.1 3 5',
    'M6 13H2',
    'M3 21c0-2.1 1.7-3.9 3.8-4',
    'M20.97 5c0 2.1-1.6 3.8-3.5 4',
    'M22 13h-4',
    'M17.2 17c2.1.1 3.8 1.9 3.8 4',
  ],
  example: ['M8 6h13', 'M8 12h13', 'M8 18h13', 'M3 6h.01', 'M3 12h.01', 'M3 18h.01'],
  quote: [
    'M3 21c3 0 7-1 7-8V5c0-1.25-.76-2-2-2H4c-1.25 0-2 .75-2 2v6c0 1.25.75 2 2 2 1 0 1 0 1 1v1c0 1-1 2-2 2s-1 0-1 1v3c0 1 0 1 1 1z',
    'M15 21c3 0 7-1 7-8V5c0-1.25-.76-2-2-2h-4c-1.25 0-2 .75-2 2v6c0 1.25.75 2 2 2h.75c0 2.25.25 4-2.75 4v3c0 1 0 1 1 1z',
  ],
};

const SVG = 'http://www.w3.org/2000/svg';

/** A 24×24 stroke icon for a callout kind (decorative: hidden from assistive technology). */
export function createCalloutIcon(kind: CalloutKind): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of PATHS[kind]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
