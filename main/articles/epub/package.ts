/**
 * The book's package: `META-INF/container.xml` names the OPF file, which holds the metadata (title,
 * authors, language, reading direction), the manifest of the book's files and the spine (the order its
 * chapters are read in). Protected books are recognised here and refused (EPUB 3.3 §4.2.6.3 encryption.xml,
 * and rights.xml of the DRM schemes), since their chapters are ciphertext.
 */
import { ImportError } from '../import-error';
import type { BookArchive } from './zip';
import { bookPath, type XmlReader } from './xml';

export type ManifestItem = { id: string; path: string; mediaType: string; properties: string[] };

export type BookPackage = {
  /** Where the OPF file is: manifest paths are already resolved against it. */
  opfPath: string;
  title: string;
  creators: string[];
  language: string;
  direction: 'rtl' | 'ltr' | null;
  manifest: Map<string, ManifestItem>;
  /** The chapters, in reading order (every spine item, linear or not: nothing of the book is left out). */
  spine: ManifestItem[];
  /** The EPUB 3 navigation document, if any. */
  nav: ManifestItem | null;
  /** The EPUB 2 NCX, if any. */
  ncx: ManifestItem | null;
};

// Font obfuscation (EPUB 3.3 §4.3.5, and Adobe's older variant) hides a font, not the text: books that use
// it read fine, so only other encryption is DRM.
const FONT_OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);
const FONT_FILE = /\.(otf|ttf|woff2?|eot)$/i;

/** Refuses a book whose content is encrypted. */
function refuseProtected(archive: BookArchive, xml: XmlReader, file: string): void {
  if (archive.has('META-INF/rights.xml'))
    throw new ImportError('drm', file, 'it carries META-INF/rights.xml, the mark of a DRM scheme');
  const encryption = archive.text('META-INF/encryption.xml');
  if (encryption === null) return;
  const document = xml.parse(encryption, 'META-INF/encryption.xml');
  for (const data of xml.all(document, 'EncryptedData')) {
    const algorithm = xml.all(data, 'EncryptionMethod')[0]?.getAttribute('Algorithm') ?? '';
    const target = xml.all(data, 'CipherReference')[0]?.getAttribute('URI') ?? '';
    if (!FONT_OBFUSCATION.has(algorithm) && !FONT_FILE.test(target))
      throw new ImportError('drm', file, `META-INF/encryption.xml says "${target}" is encrypted`);
  }
}

/** Reads container.xml, then the OPF it names. Errors name the file inside the book that is wrong. */
export function readPackage(archive: BookArchive, xml: XmlReader, file: string): BookPackage {
  refuseProtected(archive, xml, file);
  const broken = (detail: string) => new ImportError('broken-book', file, detail);
  const container = archive.text('META-INF/container.xml');
  if (container === null) throw broken('META-INF/container.xml is missing');
  const rootfiles = xml.all(xml.parse(container, 'META-INF/container.xml'), 'rootfile');
  const packageFile = rootfiles.find(
    (rootfile) => (rootfile.getAttribute('media-type') ?? '') === 'application/oebps-package+xml',
  );
  const opfHref = (packageFile ?? rootfiles[0])?.getAttribute('full-path') ?? '';
  if (opfHref === '') throw broken('META-INF/container.xml names no package (OPF) file');
  const opfPath = bookPath(opfHref, '');
  const opfText = opfPath === null ? null : archive.text(opfPath);
  if (opfPath === null || opfText === null) throw broken(`its package file "${opfHref}" is missing`);
  const opf = xml.parse(opfText, opfPath);
  if (xml.all(opf, 'package').length === 0) throw broken(`${opfPath} is not a package file`);

  const manifest = new Map<string, ManifestItem>();
  for (const item of xml.all(opf, 'item')) {
    const id = item.getAttribute('id') ?? '';
    const path = bookPath(item.getAttribute('href') ?? '', opfPath);
    if (id === '' || path === null) continue;
    manifest.set(id, {
      id,
      path,
      mediaType: (item.getAttribute('media-type') ?? '').trim().toLowerCase(),
      properties: (item.getAttribute('properties') ?? '').split(/\s+/).filter(Boolean),
    });
  }
  const spineElement = xml.all(opf, 'spine')[0];
  if (spineElement === undefined) throw broken(`${opfPath} has no spine (the list of chapters)`);
  const spine = xml.all(spineElement, 'itemref').map((itemref) => {
    const idref = itemref.getAttribute('idref') ?? '';
    const item = manifest.get(idref);
    if (item === undefined)
      throw broken(`the spine of ${opfPath} names "${idref}", which its manifest lacks`);
    if (!archive.has(item.path)) throw broken(`the chapter "${item.path}" named by its spine is missing`);
    return item;
  });
  if (spine.length === 0) throw broken(`the spine of ${opfPath} lists no chapters`);

  const direction = spineElement.getAttribute('page-progression-direction');
  const text = (name: string) =>
    xml
      .all(opf, name)
      .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  const ncxId = spineElement.getAttribute('toc');
  const found = (item: ManifestItem | undefined) => (item && archive.has(item.path) ? item : null);
  return {
    opfPath,
    title: text('title')[0] ?? '',
    creators: text('creator'),
    language: text('language')[0] ?? '',
    direction: direction === 'rtl' || direction === 'ltr' ? direction : null,
    manifest,
    spine,
    nav: found([...manifest.values()].find((item) => item.properties.includes('nav'))),
    ncx: found(
      (ncxId ? manifest.get(ncxId) : undefined) ??
        [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml'),
    ),
  };
}
