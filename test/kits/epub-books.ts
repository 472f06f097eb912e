/**
 * EPUB books built inside the tests with fflate's zip writer: a well-formed Arabic book, an EPUB 2 book,
 * and the parts to build hostile ones from. Only tests import this file.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { pngBytes } from './images';

export type BookFiles = Record<string, string | Uint8Array>;

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`;

/** Zips `files` as an EPUB: the stored `mimetype` first, then the container, then the rest. */
export function zipBook(files: BookFiles, withContainer = true): Uint8Array {
  const zippable: Zippable = { mimetype: [strToU8('application/epub+zip'), { level: 0 }] };
  if (withContainer) zippable['META-INF/container.xml'] = strToU8(CONTAINER);
  for (const [name, content] of Object.entries(files))
    zippable[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(zippable);
}

export type Chapter = { id: string; file: string; body: string; properties?: string };

/** An OPF package listing `chapters` in its spine, with optional nav and NCX. */
export function packageFile(options: {
  title: string;
  creators?: string[];
  language: string;
  direction?: 'rtl' | 'ltr';
  chapters: readonly Chapter[];
  nav?: boolean;
  ncx?: boolean;
  extraManifest?: string;
  version?: '2.0' | '3.0';
}): string {
  const items = options.chapters
    .map(
      (chapter) =>
        `<item id="${chapter.id}" href="${chapter.file}" media-type="application/xhtml+xml"${chapter.properties ? ` properties="${chapter.properties}"` : ''}/>`,
    )
    .join('\n');
  const spine = options.chapters.map((chapter) => `<itemref idref="${chapter.id}"/>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="${options.version ?? '3.0'}" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:0</dc:identifier>
    <dc:title>${options.title}</dc:title>
    ${(options.creators ?? []).map((creator) => `<dc:creator>${creator}</dc:creator>`).join('\n')}
    <dc:language>${options.language}</dc:language>
  </metadata>
  <manifest>
    ${options.nav ? '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>' : ''}
    ${options.ncx ? '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>' : ''}
    ${items}
    ${options.extraManifest ?? ''}
  </manifest>
  <spine${options.ncx ? ' toc="ncx"' : ''}${options.direction ? ` page-progression-direction="${options.direction}"` : ''}>${spine}</spine>
</package>`;
}

/** An XHTML chapter. */
export function chapterFile(title: string, body: string, lang = 'ar'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="${lang}" lang="${lang}">
<head><title>${title}</title></head>
<body>${body}</body>
</html>`;
}

export type NavEntry = { title: string; href: string; children?: NavEntry[] };

const navList = (entries: readonly NavEntry[]): string =>
  `<ol>${entries
    .map(
      (entry) =>
        `<li><a href="${entry.href}">${entry.title}</a>${entry.children ? navList(entry.children) : ''}</li>`,
    )
    .join('')}</ol>`;

/** An EPUB 3 navigation document. */
export function navFile(entries: readonly NavEntry[]): string {
  return chapterFile(
    'المحتويات',
    `<nav epub:type="toc" id="toc"><h1>المحتويات</h1>${navList(entries)}</nav>`,
  );
}

const navPoints = (entries: readonly NavEntry[]): string =>
  entries
    .map(
      (entry, i) =>
        `<navPoint id="p${i}-${entry.href.replace(/\W/g, '')}"><navLabel><text>${entry.title}</text></navLabel><content src="${entry.href}"/>${entry.children ? navPoints(entry.children) : ''}</navPoint>`,
    )
    .join('');

/** An EPUB 2 NCX. */
export function ncxFile(entries: readonly NavEntry[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>t</text></docTitle>
<navMap>${navPoints(entries)}</navMap></ncx>`;
}

/** The files of a small Arabic book, right to left, with nav and NCX, a picture and a footnote. */
export function arabicBookFiles(): BookFiles {
  const chapters: Chapter[] = [
    {
      id: 'c1',
      file: 'text/ch1.xhtml',
      body: `<h1>الفصل الأول: البداية</h1><p>كان الصباح هادئًا في المدينة القديمة<a epub:type="noteref" href="#fn1" id="r1">١</a> حين خرج الراوي.</p>
<figure><img src="../images/map.png" alt="خريطة المدينة"/><figcaption>خريطة المدينة القديمة</figcaption></figure>
<aside epub:type="footnote" id="fn1"><p>المدينة القديمة هي قلب العاصمة التاريخي.</p></aside>`,
    },
    {
      id: 'c2',
      file: 'text/ch2.xhtml',
      body: `<h1>الفصل الثاني: الطريق</h1><p>مشى الراوي طويلًا نحو السوق.</p><h2 id="s2">في السوق</h2><p>وجد هناك بائع الزعفران العجوز.</p>`,
    },
    {
      id: 'c3',
      file: 'text/ch3.xhtml',
      body: `<h1>الفصل الثالث: العودة</h1><p>عاد الراوي إلى بيته مع غروب الشمس.</p><p>وانتهت الحكاية هنا.</p>`,
    },
  ];
  const toc: NavEntry[] = [
    { title: 'الفصل الأول: البداية', href: 'text/ch1.xhtml' },
    {
      title: 'الفصل الثاني: الطريق',
      href: 'text/ch2.xhtml',
      children: [{ title: 'في السوق', href: 'text/ch2.xhtml#s2' }],
    },
    { title: 'الفصل الثالث: العودة', href: 'text/ch3.xhtml' },
  ];
  const files: BookFiles = {
    'OEBPS/content.opf': packageFile({
      title: 'حكاية المدينة',
      creators: ['سلمى الراوي', 'أحمد الكاتب'],
      language: 'ar',
      direction: 'rtl',
      chapters,
      nav: true,
      ncx: true,
      extraManifest: '<item id="map" href="images/map.png" media-type="image/png"/>',
    }),
    'OEBPS/nav.xhtml': navFile(toc),
    'OEBPS/toc.ncx': ncxFile([{ title: 'من الـNCX', href: 'text/ch1.xhtml' }]),
    'OEBPS/images/map.png': pngBytes(40, 30, 7),
  };
  for (const chapter of chapters) files[`OEBPS/${chapter.file}`] = chapterFile(chapter.id, chapter.body);
  return files;
}

/** An English EPUB 2 book whose only table of contents is its NCX. */
export function epub2BookFiles(): BookFiles {
  const chapters: Chapter[] = [
    { id: 'one', file: 'one.html', body: '<h2>Chapter One</h2><p>It was a bright cold day in April.</p>' },
    {
      id: 'two',
      file: 'two.html',
      body: '<h2>Chapter Two</h2><p>The clocks were striking thirteen.</p><p id="later">Later that evening.</p>',
    },
  ];
  const files: BookFiles = {
    'OEBPS/content.opf': packageFile({
      title: 'An Old Book',
      creators: ['A. Writer'],
      language: 'en',
      chapters,
      ncx: true,
      version: '2.0',
    }),
    'OEBPS/toc.ncx': ncxFile([
      { title: 'Chapter One', href: 'one.html' },
      { title: 'Chapter Two', href: 'two.html', children: [{ title: 'Evening', href: 'two.html#later' }] },
    ]),
  };
  for (const chapter of chapters)
    files[`OEBPS/${chapter.file}`] = chapterFile(chapter.id, chapter.body, 'en');
  return files;
}
