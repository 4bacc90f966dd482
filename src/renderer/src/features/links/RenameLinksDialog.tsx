import { useId } from 'react';
import { Modal } from '../../ui/Modal';

export type RenameChoice = 'update' | 'keep' | 'cancel';

export interface RenameLinksDialogProps {
  from: string;
  to: string;
  links: number;
  notes: number;
  onChoose(choice: RenameChoice): void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Asked before a note with incoming links is renamed: update those links to the new title
 * (their labels and the text around them stay), rename without touching them, or not
 * rename at all (Escape, Cancel: the title goes back).
 */
export function RenameLinksDialog({ from, to, links, notes, onChoose }: RenameLinksDialogProps) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onCancel={() => onChoose('cancel')}>
      <h2 id={titleId}>
        Update {plural(links, 'link', 'links')} in {plural(notes, 'note', 'notes')}?
      </h2>
      <div className="dialog-body">
        <p>
          {plural(links, 'link points', 'links point')} to “{from}”. Renaming it “{to}” can update{' '}
          {links === 1 ? 'it' : 'them'} too; labels and the text around them stay as they are.
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onChoose('cancel')}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => onChoose('keep')}>
          Don’t update
        </button>
        <button type="button" className="button button-primary" onClick={() => onChoose('update')} data-autofocus>
          Update links
        </button>
      </div>
    </Modal>
  );
}
