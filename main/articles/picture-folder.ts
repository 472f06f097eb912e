/**
 * Pictures beside an imported file: a page saved as "Web page, complete" keeps them in `<name>_files/` next
 * to `<name>.html`; a Markdown note refers to files next to it. Only that folder is read, and only regular
 * files inside it: an address with `..`, an absolute path, or a symbolic link anywhere on the way (the folder
 * itself included) is refused, so a crafted page cannot make the import read another file of the disk.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { MAX_IMAGE_BYTES } from './image-type';
import type { MissingReason } from '../../shared/article-model';
import type { PictureSource } from './pictures';

/** The relative path an address names, decoded, without its query or fragment; null if it is not one. */
function relativePath(src: string): string | null {
  const bare = src.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return null;
  }
  if (decoded === '' || decoded.includes('\0') || path.isAbsolute(decoded) || /^[\\/]/.test(decoded))
    return null;
  const parts = decoded.split(/[\\/]+/).filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..')) return null;
  return parts.join(path.sep);
}

/**
 * Reads pictures from `folder` (an absolute path); an address is taken relative to `base` (the imported
 * file's folder) and must land inside `folder`.
 */
export function folderSource(base: string, folder: string): PictureSource {
  let realFolder: string | null = null;
  try {
    // The folder itself must be a real folder, not a link to one elsewhere.
    if (lstatSync(folder).isDirectory()) realFolder = realpathSync(folder);
  } catch {
    realFolder = null;
  }
  return (src): Uint8Array | MissingReason => {
    const relative = relativePath(src);
    if (relative === null) return 'outside-folder';
    const file = path.resolve(base, relative);
    if (!file.startsWith(folder + path.sep)) return 'outside-folder';
    if (realFolder === null) return 'not-found';
    try {
      const info = lstatSync(file);
      if (!info.isFile()) return info.isSymbolicLink() ? 'outside-folder' : 'not-found';
      // A link among the folders on the way shows as a different real path.
      if (realpathSync(file) !== path.join(realFolder, path.relative(folder, file))) return 'outside-folder';
      if (info.size > MAX_IMAGE_BYTES) return 'too-large';
      return readFileSync(file);
    } catch {
      return 'not-found';
    }
  };
}

/** The pictures of a saved page `<dir>/<name>.html`: its `<dir>/<name>_files/` folder. */
export function savedPageSource(htmlFile: string): PictureSource {
  const absolute = path.resolve(htmlFile);
  const base = path.dirname(absolute);
  const name = path.basename(absolute, path.extname(absolute));
  return folderSource(base, path.join(base, `${name}_files`));
}

/** The pictures of a Markdown note: files in its own folder and below. */
export function besideFileSource(file: string): PictureSource {
  const base = path.dirname(path.resolve(file));
  return folderSource(base, base);
}
