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

/** Writes CSV with `;` (what French spreadsheets open directly), quoting where needed, with a BOM for Excel. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[], delimiter = ';'): string {
  const field = (value: string | number | null) => {
    let text = value === null ? '' : String(value);
    // A leading =, +, - or @ would be run as a formula by spreadsheets: neutralise it.
    if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
    return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(field).join(delimiter)).join('\r\n') + '\r\n';
}
