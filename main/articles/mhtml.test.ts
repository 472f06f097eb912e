import { describe, expect, it } from 'vitest';
import { importBytesInThisThread } from '.';
import { parseMhtml } from './mhtml';
import { pngBytes } from '../../test/kits/images';

const BOUNDARY = '----MultipartBoundary--abc123----';

/** Quoted-printable as Chrome writes it: "=" and non-ASCII bytes escaped, lines soft-broken at 76. */
function quotedPrintable(text: string): string {
  const escaped = [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      byte === 0x3d || byte > 0x7e || byte < 0x20
        ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : String.fromCharCode(byte),
    )
    .join('');
  return escaped.match(/.{1,72}(?=[^=]?|$)/g)?.join('=\r\n') ?? escaped;
}

function archive(html: string, photo: Buffer): Buffer {
  const lines = [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://news.example/ar/olive',
    'Subject: =?utf-8?Q?olive?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${BOUNDARY}"`,
    '',
    '',
    `--${BOUNDARY}`,
    'Content-Type: text/html',
    'Content-ID: <frame-1@mhtml.blink>',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Location: https://news.example/ar/olive',
    '',
    quotedPrintable(html),
    `--${BOUNDARY}`,
    'Content-Type: image/png',
    'Content-Transfer-Encoding: base64',
    'Content-Location: https://news.example/img/harvest.png',
    '',
    ...(photo.toString('base64').match(/.{1,76}/g) ?? []),
    '',
    `--${BOUNDARY}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'latin1');
}

const PAGE = `<html><head><meta charset="utf-8"><title>موسم الزيتون</title></head><body><article>
<p>بدأ المزارعون جني محصول الزيتون قبل موعده المعتاد بأسبوعين، بعد صيف حار وجاف أثّر في نضج الثمار.</p>
<figure><img src="../img/harvest.png" alt="سلال الزيتون"><figcaption>مزارعون في ريف إدلب</figcaption></figure>
<img src="https://ads.example/banner.png" alt="إعلان">
<p>وقال أحد المزارعين إن الإنتاج هذا العام أقل من العام الماضي، لكن جودة الزيت أفضل بكثير.</p>
</article></body></html>`;

describe('MHTML', () => {
  it('reads the page and its parts from a Chrome-style archive', () => {
    const photo = pngBytes(6, 4, 9);
    const parsed = parseMhtml(archive(PAGE, photo), 'olive.mhtml');
    expect(Buffer.from(parsed.html).toString('utf8')).toBe(PAGE);
    expect(parsed.location).toBe('https://news.example/ar/olive');
    expect(Buffer.from(parsed.parts.get('https://news.example/img/harvest.png') ?? []).equals(photo)).toBe(
      true,
    );
  });

  it('imports the article with its archived picture, and never fetches one the archive lacks', () => {
    const imported = importBytesInThisThread(archive(PAGE, pngBytes(6, 4, 9)), 'olive.mhtml');
    const figures = imported.blocks.filter((block) => block.kind === 'figure');
    expect(figures[0]).toMatchObject({ text: 'مزارعون في ريف إدلب', image: { width: 6, height: 4 } });
    expect(figures[1]?.missing?.reason).toBe('remote');
    expect(imported.assets.size).toBe(1);
    expect(imported.title).toBe('موسم الزيتون');
  });

  it('names the file when it holds no web page', () => {
    expect(() =>
      parseMhtml(Buffer.from('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello'), 'x.mhtml'),
    ).toThrow(/x\.mhtml/);
  });
});
