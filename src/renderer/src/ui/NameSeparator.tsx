/**
 * Goes between the visible parts of a list option whose accessible name is its content
 * (title, time, kind…), so that the name holds every word the option shows (WCAG 2.5.3,
 * label in name: voice control users say what they see). A real space keeps the words
 * apart in the text ("Lecture 4 just now", not "Lecture 4just now"); the comma is heard,
 * not seen, as a pause between the parts.
 */
export function NameSeparator() {
  return (
    <>
      <span className="visually-hidden">,</span>{' '}
    </>
  );
}
