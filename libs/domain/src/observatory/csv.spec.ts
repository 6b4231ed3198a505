import { CsvSyntaxError, parseCsv, toCsv } from '../index.js';

describe('CSV', () => {
  it('reads semicolon files from French spreadsheets, with BOM, quotes and line breaks', () => {
    const table = parseCsv('\uFEFFtitre;résumé\r\n"Ressourcerie; atelier";"Une ""belle""\r\nidée"\r\n\r\nCafé;ok\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual(['titre', 'résumé']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Ressourcerie; atelier', 'Une "belle"\r\nidée'] },
      { line: 5, cells: ['Café', 'ok'] },
    ]);
  });
  it('reads comma files', () => {
    expect(parseCsv('a,b\n1,2').rows).toEqual([{ line: 2, cells: ['1', '2'] }]);
  });
  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a;b\n"x;y\n')).toThrow(CsvSyntaxError);
  });
  it('round-trips what it writes and neutralises formulas', () => {
    const text = toCsv(
      ['a', 'b'],
      [
        ['x;y', '=HYPERLINK("http://evil")'],
        [12.5, null],
      ],
    );
    const table = parseCsv(text);
    expect(table.rows[0].cells).toEqual(['x;y', `'=HYPERLINK("http://evil")`]);
    expect(table.rows[1].cells).toEqual(['12.5', '']);
  });
});
