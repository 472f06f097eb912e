/**
 * A `<table>` as one table block: its cells' text in reading order (row by row, each row in document order,
 * which the renderer lays out right to left in an Arabic article), joined by the model's separators so the
 * table stays one string for search and highlighting, and its rows of cell spans.
 */
import {
  TABLE_CELL_SEPARATOR,
  TABLE_ROW_SEPARATOR,
  type Block,
  type TableRow,
} from '../../shared/article-model';

// The HTML standard clamps colspan to 1,000 and rowspan to 65,534.
const span = (cell: Element, name: string, most: number): number => {
  const value = Number.parseInt(cell.getAttribute(name) ?? '1', 10);
  return Number.isFinite(value) ? Math.min(most, Math.max(1, value)) : 1;
};

/** The rows of this table (not of tables nested in its cells): in its own sections, or directly in it. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (child.localName === 'tr') rows.push(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.localName))
      for (const row of child.children) if (row.localName === 'tr') rows.push(row);
  }
  return rows;
}

const cellsOf = (row: Element): Element[] =>
  [...row.children].filter((cell) => cell.localName === 'td' || cell.localName === 'th');

/**
 * Whether the table lays out a page rather than holding data: every row has at most one cell. Its content
 * is then read as ordinary blocks.
 */
export function isLayoutTable(table: Element): boolean {
  return rowsOf(table).every((row) => cellsOf(row).length <= 1);
}

/**
 * The table block of `table`, with `cellText` giving each cell's text on one line; null when no cell has
 * any text.
 */
export function tableBlock(table: Element, cellText: (cell: Element) => string): Block | null {
  const rows: TableRow[] = [];
  let text = '';
  let anyText = false;
  for (const row of rowsOf(table)) {
    const cells = cellsOf(row);
    if (cells.length === 0) continue;
    const inHead = row.parentElement?.localName === 'thead';
    const spans: TableRow = [];
    if (rows.length > 0) text += TABLE_ROW_SEPARATOR;
    cells.forEach((cell, index) => {
      if (index > 0) text += TABLE_CELL_SEPARATOR;
      const content = cellText(cell);
      if (content !== '') anyText = true;
      const start = text.length;
      text += content;
      const colspan = span(cell, 'colspan', 1000);
      const rowspan = span(cell, 'rowspan', 65534);
      spans.push({
        start,
        end: text.length,
        ...(inHead || cell.localName === 'th' ? { header: true } : {}),
        ...(colspan > 1 ? { colspan } : {}),
        ...(rowspan > 1 ? { rowspan } : {}),
      });
    });
    rows.push(spans);
  }
  return anyText ? { kind: 'table', text, rows } : null;
}
