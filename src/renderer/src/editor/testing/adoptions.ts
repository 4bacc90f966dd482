/**
 * Records every node that another document's tree hands to the page's own document (an
 * adoption: appended, inserted or imported there, even into an element not yet attached).
 * Pasted HTML is parsed in an inert document; a node adopted by the page would load its
 * resources and have its handlers compiled, so a paste must never do this.
 *
 * Returns the recorded adoptions (`<tag>` names of the nodes moved) and a function that
 * stops recording and restores the DOM methods.
 */
export function watchAdoptions(): { adopted: string[]; stop(): void } {
  const adopted: string[] = [];
  const restores: Array<() => void> = [];
  const check = (target: Node, nodes: readonly unknown[]) => {
    const home = target.nodeType === Node.DOCUMENT_NODE ? target : target.ownerDocument;
    if (home !== document) return;
    for (const node of nodes) {
      if (node instanceof Node && node.ownerDocument !== document && node.nodeType !== Node.DOCUMENT_NODE) {
        adopted.push(node instanceof Element ? `<${node.localName}>` : node.nodeName);
      }
    }
  };
  const wrap = <T extends object>(proto: T, names: Array<keyof T & string>) => {
    for (const name of names) {
      const original = proto[name] as unknown as (this: Node, ...args: unknown[]) => unknown;
      Object.defineProperty(proto, name, {
        configurable: true,
        writable: true,
        value(this: Node, ...args: unknown[]) {
          check(this, args);
          return original.apply(this, args);
        },
      });
      restores.push(() => Object.defineProperty(proto, name, { configurable: true, writable: true, value: original }));
    }
  };
  wrap(Node.prototype, ['appendChild', 'insertBefore', 'replaceChild']);
  wrap(Element.prototype, ['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith']);
  wrap(DocumentFragment.prototype, ['append', 'prepend', 'replaceChildren']);
  wrap(Document.prototype, ['adoptNode', 'importNode']);
  return {
    adopted,
    stop: () => {
      for (const restore of restores.splice(0).reverse()) restore();
    },
  };
}
