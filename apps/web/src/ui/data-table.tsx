import { useId, type ReactNode } from 'react';

/** One column of a data table: its header, how to show a row's cell, and how it is marked up. */
export interface TableColumn<Row> {
  /** Stable key of the column (React key). */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** The column that names each row: its cells are `<th scope="row">`, read before every other cell. */
  rowHeader?: boolean;
  /** Figures, aligned right; the caller formats them in the interface language ("12 500,5", "1 239 k€"). */
  numeric?: boolean;
  /** Extra class of the body cells (e.g. `table__name`). */
  cellClassName?: string;
  /** Id of a row's cell, so that the row's buttons can be described by it (`aria-describedby`). */
  cellId?: (row: Row, index: number) => string;
  /** The cell of the totals row (`<tfoot>`); the row is shown when a column has one. */
  footer?: ReactNode;
}

export interface DataTableProps<Row> {
  /** Says what the table holds; it also names the scrollable region around the table. */
  caption: ReactNode;
  /** `sr-only` when the heading above already says it to sighted readers. */
  captionClassName?: string;
  /** Columns; `false` leaves a column out (e.g. the actions column for readers). */
  columns: ReadonlyArray<TableColumn<Row> | false>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string;
  className?: string;
}

/**
 * The app's data table: a captioned `<table>` with column (and row) headers in a focusable, named region
 * that scrolls sideways on narrow screens.
 */
export function DataTable<Row>({ caption, captionClassName, columns, rows, rowKey, className = 'table' }: DataTableProps<Row>) {
  const captionId = useId();
  const shown = columns.filter((column): column is TableColumn<Row> => column !== false);
  const hasFooter = shown.some((column) => column.footer !== undefined);
  const numberClass = (column: TableColumn<Row>) => (column.numeric ? 'table__number' : undefined);

  return (
    // A scrollable region takes the focus so that keyboard users can scroll it (axe: scrollable-region-focusable).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="table-wrapper" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={className}>
        <caption id={captionId} className={captionClassName}>
          {caption}
        </caption>
        <thead>
          <tr>
            {shown.map((column) => (
              <th scope="col" key={column.key} className={numberClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>
              {shown.map((column) => {
                const props = {
                  id: column.cellId?.(row, index),
                  className: [numberClass(column), column.cellClassName].filter(Boolean).join(' ') || undefined,
                };
                const content = column.cell(row, index);
                return column.rowHeader ? (
                  <th scope="row" key={column.key} {...props}>
                    {content}
                  </th>
                ) : (
                  <td key={column.key} {...props}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {hasFooter ? (
          <tfoot>
            <tr>
              {shown.map((column) =>
                column.rowHeader ? (
                  <th scope="row" key={column.key}>
                    {column.footer}
                  </th>
                ) : (
                  <td key={column.key} className={numberClass(column)}>
                    {column.footer}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
