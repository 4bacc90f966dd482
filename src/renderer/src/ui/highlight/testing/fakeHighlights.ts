/**
 * A stand-in for the CSS Custom Highlight API, which jsdom lacks: `Highlight` keeps its
 * ranges and `CSS.highlights` is a Map. Returns the registry and a function that removes
 * the stand-ins again.
 */
export function installFakeHighlights(): { registry: Map<string, { ranges: Range[] }>; uninstall(): void } {
  const globals = globalThis as Record<string, unknown>;
  const before = { CSS: globals.CSS, Highlight: globals.Highlight };
  const registry = new Map<string, { ranges: Range[] }>();
  globals.Highlight = class {
    readonly ranges: Range[];
    priority = 0;
    constructor(...ranges: Range[]) {
      this.ranges = ranges;
    }
    get size(): number {
      return this.ranges.length;
    }
    delete(range: Range): boolean {
      const at = this.ranges.indexOf(range);
      if (at >= 0) this.ranges.splice(at, 1);
      return at >= 0;
    }
  };
  globals.CSS = { ...(before.CSS as object | undefined), highlights: registry };
  return {
    registry,
    uninstall() {
      globals.CSS = before.CSS;
      globals.Highlight = before.Highlight;
    },
  };
}
