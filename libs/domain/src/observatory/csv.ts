/** CSV as spreadsheets in France write it: `;` (or `,`) separated, quoted with `"`, optionally a UTF-8 BOM. */
export interface CsvTable {
  delimiter: ';' | ',';
  header: string[];
  /** Data rows with their 1-based line number in the file (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

function detectDelimiter(firstLine: string): ';' | ',' {
  const count = (c: string) => firstLine.split(c).length - 1;
  return count(';') >= count(',') ? ';' : ',';
}

/** Parses RFC 4180 CSV (quoted fields may hold delimiters, quotes and line breaks). Blank lines are skipped. */
export function parseCsv(text: string): CsvTable {
  const source = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(source.slice(0, source.search(/\r?\n|$/)));
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < source.length) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        cell += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && source[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else {
      cell += c;
    }
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'Unterminated quoted field');
  if (cell !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  return { delimiter, header: (header?.cells ?? []).map((h) => h.trim()), rows };
}

/**
 * A leading `=`, `+`, `-` or `@` (or tab, carriage return) would be run as a formula by spreadsheets: the writer puts an
 * apostrophe before it. So that the guard can be removed losslessly on import, a text that already starts with
 * apostrophes followed by such a character gets one more apostrophe: `=x` → `'=x`, `'=x` → `''=x`, `'abc` unchanged.
 */
const FORMULA_AFTER_APOSTROPHES = /^'*[=+\-@\t\r]/;

/** Removes the apostrophe the writer put before a formula character (see `toCsv`); other texts are returned as they are. */
export const unguardFormula = (cell: string): string => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** A number the French way (decimal comma, no thousands separator: what French Excel reads as a number). */
export const frenchDecimal = (value: number): string => String(value).replace('.', ',');

/** Euros with two decimals and a decimal comma (`12500,50`), from cents (rounded to the cent); null stays empty. */
export const csvEuros = (cents: number | null): string | null => (cents === null ? null : (Math.round(cents) / 100).toFixed(2).replace('.', ','));

/** A rate (share between 0 and 1) with at most four decimals and a decimal comma; null stays empty. */
export const csvRate = (share: number | null): string | null => (share === null ? null : frenchDecimal(Math.round(share * 10_000) / 10_000));

/**
 * The one CSV writer of the product (project templates and exports, observatory open data): `;` separated, UTF-8 with
 * a BOM and CRLF line ends (what French Excel opens directly), quoted where needed, numbers with a decimal comma,
 * formulas neutralised (see `unguardFormula`).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const field = (value: string | number | null) => {
    let text = value === null ? '' : typeof value === 'number' ? frenchDecimal(value) : value;
    if (typeof value === 'string' && FORMULA_AFTER_APOSTROPHES.test(text)) text = `'${text}`;
    return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}
