import { importBytesInThisThread } from '../../main/api/import-file';
import { generateArabicArticle } from './generate';

/**
 * Run in its own process by import.ts, so that its peak memory (maxRSS) is the import's alone:
 * `tsx test/bench/import-child.ts html|txt BYTES` prints { ms, peakMB, baseMB } as JSON.
 */
const [kind = 'txt', size = '1048576'] = process.argv.slice(2);
const text = generateArabicArticle(Number(size));
let bytes: Uint8Array;
if (kind === 'html') {
  const paragraphs = text
    .split('\n\n')
    .slice(1)
    .map((p) => (p.length < 40 ? `<h2>${p}</h2>` : `<p>${p}</p>`))
    .join('\n');
  const chrome = `<nav><ul>${'<li><a href="/x">قسم</a></li>'.repeat(30)}</ul></nav>`;
  const related = `<aside class="related"><h3>مقالات ذات صلة</h3><ul>${'<li><a href="/y">خبر آخر</a></li>'.repeat(40)}</ul></aside>`;
  bytes = Buffer.from(
    `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مقالة طويلة</title></head><body>${chrome}<main><article><h1>مقالة طويلة للاختبار</h1>${paragraphs}</article></main>${related}<footer>حقوق النشر</footer></body></html>`,
  );
} else {
  bytes = Buffer.from(text);
}
const baseMB = process.resourceUsage().maxRSS / 1024;
const start = performance.now();
const imported = importBytesInThisThread(bytes, kind === 'html' ? 'page.html' : 'big.txt');
const ms = performance.now() - start;
const peakMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({ ms, peakMB, baseMB, inputMB: bytes.length / 1024 / 1024, blocks: imported.blocks.length }),
);
