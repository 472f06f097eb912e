import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import { TABLE_CELL_SEPARATOR, TABLE_ROW_SEPARATOR, type Block } from '../../../shared/article-model';

type Props = {
  block: Block;
  /** The cell's content from `start` to `end` (offsets in the text as shown), marks and isolation applied. */
  cell: (start: number, end: number, key: string) => ReactNode;
  /** A stored offset of the block's text as shown (they differ while vowel marks are hidden). */
  toShown: (offset: number) => number;
  attributes: { 'data-block': number; dir?: 'rtl' | 'ltr'; 'data-anchors'?: string };
};

/**
 * A table, laid out in the article's direction and scrolled sideways when wider than the column. The
 * separators between cells and rows are part of the block's text, so they are written into the page as
 * hidden text: every character of the text has its place in the DOM, and offsets count the same.
 */
export function TableView({ block, cell, toShown, attributes }: Props) {
  const t = useT();
  const rows = block.rows ?? [];
  const head = rows.findIndex((row) => !row.every((c) => c.header));
  const headRows = head < 0 ? rows.length : head;
  const body = (from: number, to: number) =>
    rows.slice(from, to).map((row, r) => (
      <tr key={from + r}>
        {row.map((span, c) => {
          const Tag = span.header ? 'th' : 'td';
          const last = r + from === rows.length - 1 && c === row.length - 1;
          const separator = c === row.length - 1 ? TABLE_ROW_SEPARATOR : TABLE_CELL_SEPARATOR;
          return (
            <Tag
              key={c}
              colSpan={span.colspan}
              rowSpan={span.rowspan}
              scope={span.header ? 'col' : undefined}
            >
              {cell(toShown(span.start), toShown(span.end), `${from + r}-${c}`)}
              {!last && (
                <span className="table-separator" aria-hidden="true">
                  {separator}
                </span>
              )}
            </Tag>
          );
        })}
      </tr>
    ));
  return (
    <div className="table-scroll" role="region" tabIndex={0} aria-label={t('table.label')}>
      <table {...attributes}>
        {headRows > 0 && <thead>{body(0, headRows)}</thead>}
        <tbody>{body(headRows, rows.length)}</tbody>
      </table>
    </div>
  );
}
