import { CsvSyntaxError, csvEuros, csvRate, parseCsv, toCsv, unguardFormula } from '../index.js';

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
    expect(table.rows[1].cells).toEqual(['12,5', '']);
  });
  it('writes UTF-8 with a BOM, semicolons, CRLF and decimal commas', () => {
    const text = toCsv(
      ['montant', 'part'],
      [
        [csvEuros(1_239_000_00), csvRate(2 / 3)],
        [csvEuros(null), -1.5],
      ],
    );
    expect(text).toBe('\uFEFFmontant;part\r\n"1239000,00";"0,6667"\r\n;"-1,5"\r\n');
    expect(parseCsv(text).rows.map((r) => r.cells)).toEqual([
      ['1239000,00', '0,6667'],
      ['', '-1,5'],
    ]);
  });
  it('gives back every title through the formula guard, real leading apostrophes included', () => {
    const titles = ['=SOMME(A1)', '+33 réseau', '-20 % de déchets', '@pôle', "'=déjà protégé", "'apostrophe", "''deux", 'ordinaire', "l'atelier"];
    const cells = parseCsv(
      toCsv(
        ['titre'],
        titles.map((t) => [t]),
      ),
    ).rows.map((r) => r.cells[0]);
    expect(cells.slice(0, 5)).toEqual(["'=SOMME(A1)", "'+33 réseau", "'-20 % de déchets", "'@pôle", "''=déjà protégé"]);
    expect(cells.map(unguardFormula)).toEqual(titles);
  });
});
