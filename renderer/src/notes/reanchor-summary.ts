import type { AnchorReport } from '../../../shared/contract';
import type { Translate } from '../i18n';

/** "N in place, N moved, …": how the highlights fared when the article's text was replaced. */
export function reanchorSummary(t: Translate, reports: readonly AnchorReport[]): string {
  const count = (status: AnchorReport['status']) => reports.filter((r) => r.status === status).length;
  return t('article.updated', {
    exact: count('exact'),
    moved: count('moved'),
    fuzzy: count('fuzzy'),
    orphan: count('orphan'),
  });
}
