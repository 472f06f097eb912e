import { importBytesInThisThread } from '../../main/articles';
import { generateArabicArticle } from './generate';
import { hostileMarkdown, type HostileMarkdown } from './import-hostile';

/**
 * Run in its own process by import.ts, so that its peak memory (maxRSS) is the import's alone:
 * `tsx test/bench/import-child.ts html|txt|md-nested|md-brackets BYTES` prints
 * { ms, peakMB, baseMB, inputMB, blocks | refused } as JSON (`refused`: the error's message).
 */
const [kind = 'txt', size = '1048576'] = process.argv.slice(2);
const text = generateArabicArticle(Number(size));
let bytes: Uint8Array;
let name = 'big.txt';
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
  name = 'page.html';
} else if (kind.startsWith('md-')) {
  bytes = Buffer.from(hostileMarkdown(kind.slice(3) as HostileMarkdown, Number(size)));
  name = 'hostile.md';
} else {
  bytes = Buffer.from(text);
}
const baseMB = process.resourceUsage().maxRSS / 1024;
const start = performance.now();
let outcome: { blocks: number } | { refused: string };
try {
  outcome = { blocks: importBytesInThisThread(bytes, name).blocks.length };
} catch (error) {
  outcome = { refused: error instanceof Error ? error.message : String(error) };
}
const ms = performance.now() - start;
const peakMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms, peakMB, baseMB, inputMB: bytes.length / 1024 / 1024, ...outcome }));
