import iconv from 'iconv-lite';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';

const TITLE = 'Épicerie solidaire « Le Panier » à Grasse';

/**
 * The animatrice of the TETRIS space (demo seed) imports a projects file as French Excel saves it (« CSV (séparateur :
 * point-virgule) »: Windows-1252, headers in words): the dry run names the encoding it read, the import succeeds and
 * the project appears on the board with its accents and its euro sign. The observatory explains its Communes median.
 */
describe('CSV import of an Excel file in the browser', () => {
  const demo = useDemoBrowser('csv-import');

  it('checks and imports a Windows-1252 file with French headers', async () => {
    const { page } = await demo.signIn('animatrice@demo.concerto.fr');
    await page.getByRole('link', { name: SPACE }).first().click();
    await page.getByRole('heading', { level: 1, name: SPACE }).waitFor();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Projets' }).click();
    await page.getByRole('heading', { level: 2, name: 'Projets' }).waitFor();

    const text = ['Titre;Résumé;Étape;Statut', `${TITLE};Budget prévisionnel : 12 000 € l’an;Émergence;À l’étude`].join('\r\n') + '\r\n';
    const bytes = iconv.encode(text, 'windows-1252');
    expect(bytes.includes(0x80)).toBe(true);
    await page.getByLabel('Fichier CSV').setInputFiles({ name: 'projets-excel.csv', mimeType: 'text/csv', buffer: bytes });
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await page.getByText('Encodage lu : Windows-1252 (Excel « CSV séparateur point-virgule »).').waitFor();
    await page.getByText('1 ligne valide : vous pouvez importer le fichier.').waitFor();
    await demo.checkPage(page, '01-verification');

    await page.getByRole('button', { name: 'Importer', exact: true }).click();
    await page.getByText('1 élément importé.').waitFor();
    const column = page.getByRole('region', { name: /^Émergence \(\d+\)$/ });
    await column.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
    await page.getByText('Budget prévisionnel : 12 000 € l’an').waitFor();

    await page.goto(`${demo.server.url}/observatoire`);
    await page.getByRole('heading', { level: 1, name: 'Observatoire' }).waitFor();
    await page.getByText(/L’étude publie une médiane de 30 k€ pour les communes/).waitFor();
    await demo.checkPage(page, '02-observatoire');
  });
});
