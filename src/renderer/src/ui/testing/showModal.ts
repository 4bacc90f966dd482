/**
 * jsdom has no modal dialogs: `installShowModal` gives <dialog> a showModal() that opens it
 * and moves the focus in as the browser does (the first element with an `autofocus`
 * attribute, else the first focusable one), so tests see where a dialog puts the focus.
 * Returns the cleanup.
 */
export function installShowModal(): () => void {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
    const target =
      this.querySelector<HTMLElement>('[autofocus]') ?? this.querySelector<HTMLElement>('button, input, [tabindex]');
    target?.focus();
  };
  return () => {
    delete (HTMLDialogElement.prototype as Partial<HTMLDialogElement>).showModal;
  };
}
