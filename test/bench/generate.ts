import { readFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SEED_TEXT = readFileSync(path.join(ROOT, 'data', 'article-ar.txt'), 'utf8');

/**
 * A plain-text Arabic article of about `bytes` UTF-8 bytes, built from the seed's paragraphs with a
 * section heading every few paragraphs and numbered so that no two paragraphs are identical.
 */
export function generateArabicArticle(bytes: number): string {
  const paragraphs = SEED_TEXT.split('\n').filter((line) => line.length > 80);
  const parts = ['مقالة طويلة للاختبار: الحرب والسياسة في ليبيا', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    if (i % 6 === 0) parts.push(`القسم ${i / 6 + 1}`);
    const paragraph = `${paragraphs[i % paragraphs.length]} (${i + 1})`;
    parts.push(paragraph, '');
    size += Buffer.byteLength(paragraph) + 2;
  }
  return parts.join('\n');
}
