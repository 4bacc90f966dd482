/**
 * Where a note created from a link goes: `Folder/Title` names a folder and a title, a
 * trailing `.md` is dropped, backslashes count as slashes, and a leading slash is ignored.
 */
export function linkTargetPlace(target: string): { title: string; folder: string } {
  const name = target.trim().replace(/\.md$/i, '').replace(/\\/g, '/');
  const slash = name.lastIndexOf('/');
  const title = name.slice(slash + 1);
  const folder = slash > 0 ? name.slice(0, slash).replace(/^\/+/, '') : '';
  return { title, folder };
}
