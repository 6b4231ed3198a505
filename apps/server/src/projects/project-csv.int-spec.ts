import iconv from 'iconv-lite';
import { parseCsv } from '@concerto/domain';
import { ApiClient, addMember, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const csv = (lines: string[]) => lines.join('\r\n') + '\r\n';

describe('CSV import and export of projects and funding lines (real PostgreSQL)', () => {
  let t: TestApp;
  let animateur: ApiClient;
  let observateur: ApiClient;
  let spaceId: string;
  const base = () => `/api/spaces/${spaceId}/projects-csv`;
  const importFile = (kind: string, text: string, dryRun: boolean, client = animateur) => client.post(`${base()}/import`, { kind, csv: text, dryRun });

  beforeAll(async () => {
    t = await startTestApp();
    animateur = new ApiClient(t.url);
    observateur = new ApiClient(t.url);
    await Promise.all([animateur.signUp(), observateur.signUp()]);
    spaceId = await buildSpace(animateur, { poleName: 'Pôle import' });
    await addMember(animateur, spaceId, observateur, 'observateur');
    await animateur.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'Région Import' });
    await animateur.post('/api/organisations', { kind: 'ess_network', name: 'Réseau Import' });
  });
  afterAll(() => t.close());

  it('offers downloadable templates in the import format', async () => {
    const template = await animateur.request('GET', `${base()}/template?kind=projects`);
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toMatch(/text\/csv/);
    expect(template.headers.get('content-disposition')).toBe('attachment; filename="modele-projets.csv"');
    const table = parseCsv(template.body as string);
    expect(table.header[0]).toBe('titre');
    expect(table.rows).toHaveLength(1);
    const funding = await animateur.request('GET', `${base()}/template?kind=funding_lines`);
    expect(parseCsv(funding.body as string).header).toContain('montant_euros');
    // The projects template names organisations of the directory: it passes its own dry run.
    expect((await importFile('projects', template.body as string, true)).body).toMatchObject({ valid: true, rowCount: 1, errors: [] });
  });

  it('reports every error per line in a dry run and writes nothing, even for a real import', async () => {
    const file = csv([
      'titre;etape;statut;date_debut;leviers;porteurs',
      'Recyclerie;Amorçage;En cours;2026-01-15;Développer les coopérations inter-collectivités;Réseau Import',
      'X;Décollage;;;;',
      'Conserverie;emergence;;15/13/2026;pedagogy | nope;Inconnu SARL',
    ]);
    const dry = await importFile('projects', file, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ kind: 'projects', dryRun: true, rowCount: 3, valid: false, created: 0 });
    const errors = dry.body.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`);
    expect(errors).toEqual(expect.arrayContaining(['3:titre', '3:etape', '4:date_debut', '4:leviers', '4:porteurs']));
    expect(errors.some((e: string) => e.startsWith('2:'))).toBe(false);
    expect(dry.body.errors.find((e: { column: string }) => e.column === 'etape').message).toBe('Valeur inconnue : « Décollage »');

    const real = await importFile('projects', file, false);
    expect(real.status).toBe(422);
    expect(real.body.code).toBe('import_invalid');
    expect(real.body.report.errors.length).toBe(dry.body.errors.length);
    expect((await animateur.get(`/api/spaces/${spaceId}/projects`)).body).toHaveLength(0);
  });

  it('imports a valid file in one go, then its funding lines, and exports them back', async () => {
    const projects = csv([
      'titre;resume;etape;statut;date_debut;date_fin;leviers;cadres;porteurs;partenaires',
      '"Recyclerie; atelier";"Réemploi ; insertion";Amorçage;En cours;2026-01-15;31/12/2027;pedagogy | Développer les coopérations inter-collectivités;FEDER;Réseau Import;Région Import',
      'Conserverie;;Émergence;À l’étude;;;;;;',
    ]);
    const checked = await importFile('projects', projects, true);
    expect(checked.body.errors).toEqual([]);
    expect(checked.body).toMatchObject({ valid: true, created: 0, rowCount: 2 });
    expect((await animateur.get(`/api/spaces/${spaceId}/projects`)).body).toHaveLength(0);
    const imported = await importFile('projects', projects, false);
    expect(imported.status).toBe(200);
    expect(imported.body).toMatchObject({ valid: true, created: 2 });
    const board = (await observateur.get(`/api/spaces/${spaceId}/projects`)).body;
    const recyclerie = board.find((p: { title: string }) => p.title === 'Recyclerie; atelier');
    expect(recyclerie).toMatchObject({
      stage: 'seeding',
      status: 'ongoing',
      startDate: '2026-01-15',
      endDate: '2027-12-31',
      levers: ['pedagogy', 'inter_collectivite'],
      policyFrames: ['feder'],
    });
    expect(recyclerie.partners.map((p: { role: string }) => p.role).sort()).toEqual(['carrier', 'partner']);

    const badFunding = csv([
      'projet;financeur;niveau_financeur;annee;montant_euros;nature;statut',
      'Recyclerie; atelier;Région Import;Département;2026;30 000;Fonctionnement;Acquis',
    ]);
    // The unquoted ";" splits the title: unknown project, and the remaining columns shift.
    expect((await importFile('funding_lines', badFunding, true)).body.valid).toBe(false);
    const funding = csv([
      'projet;financeur;niveau_financeur;annee;montant_euros;nature;instrument;statut',
      '"Recyclerie; atelier";Région Import;Région;2026;30 000,50;Fonctionnement;Fonds régional ESS;Acquis',
      'conserverie;Réseau Import;;2025;1500;investissement;;versé',
    ]);
    const mismatch = funding.replace('Région;2026', 'Europe;2026');
    const refused = await importFile('funding_lines', mismatch, false);
    expect(refused.status).toBe(422);
    expect(refused.body.report.errors[0]).toMatchObject({ line: 2, column: 'niveau_financeur' });
    const done = await importFile('funding_lines', funding, false);
    expect(done.body).toMatchObject({ valid: true, created: 2 });
    const after = (await observateur.get(`/api/spaces/${spaceId}/projects/${recyclerie.id}`)).body;
    expect(after.fundingLines).toEqual([
      expect.objectContaining({ amountCents: 3_000_050, funderLevel: 'region', status: 'secured', instrument: 'Fonds régional ESS' }),
    ]);

    const exported = await observateur.request('GET', `${base()}/export?kind=funding_lines`);
    expect(exported.headers.get('content-disposition')).toBe('attachment; filename="financements.csv"');
    const rows = parseCsv(exported.body as string).rows.map((r) => r.cells);
    expect(rows).toEqual([
      ['Conserverie', 'Réseau Import', 'Autre financeur', '2025', '1500,00', 'Investissement', '', 'Versé'],
      ['Recyclerie; atelier', 'Région Import', 'Région', '2026', '30000,50', 'Fonctionnement', 'Fonds régional ESS', 'Acquis'],
    ]);
    const exportedProjects = (await observateur.request('GET', `${base()}/export?kind=projects`)).body as string;
    // Re-importing the export is valid: the format goes both ways.
    expect((await importFile('projects', exportedProjects, true)).body).toMatchObject({ valid: true, rowCount: 2, encoding: 'utf-8' });

    // With projects in the space, the funding template names one of them and a known funder: it passes its own dry run.
    const fundingTemplate = (await animateur.request('GET', `${base()}/template?kind=funding_lines`)).body as string;
    expect(fundingTemplate).not.toContain('Région Sud');
    expect((await importFile('funding_lines', fundingTemplate, true)).body).toMatchObject({ valid: true, rowCount: 1, errors: [] });
  });

  it('reads what French Excel writes: Windows-1252 bytes, French headers in any case, and says which encoding it read', async () => {
    const text = csv([
      'Projet;FINANCEUR;Niveau financeur;Année;Montant (€);Nature;Statut',
      'Conserverie;Région Import;région;2024;2 500,00 €;Fonctionnement;Sollicité',
    ]);
    const bytes = iconv.encode(text, 'windows-1252');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const send = (file: Buffer, dryRun: boolean) => animateur.post(`${base()}/import`, { kind: 'funding_lines', file: file.toString('base64'), dryRun });
    const checked = await send(bytes, true);
    expect(checked.body).toMatchObject({ encoding: 'windows-1252', valid: true, rowCount: 1, errors: [] });
    const utf8 = await send(Buffer.from(`\uFEFF${text}`, 'utf8'), true);
    expect(utf8.body).toMatchObject({ encoding: 'utf-8', valid: true });
    expect((await send(bytes, false)).body).toMatchObject({ encoding: 'windows-1252', created: 1 });
    const board = (await observateur.get(`/api/spaces/${spaceId}/projects`)).body;
    const conserverie = board.find((p: { title: string }) => p.title === 'Conserverie');
    const lines = (await observateur.get(`/api/spaces/${spaceId}/projects/${conserverie.id}`)).body.fundingLines;
    expect(lines).toContainEqual(expect.objectContaining({ year: 2024, amountCents: 250_000, funderLevel: 'region', status: 'requested' }));

    // A header naming no column, or two naming the same one, is reported with the words of the file.
    const headers = await importFile(
      'funding_lines',
      csv(['Projet;Financeur;Année;Montant;Montant (€);Nature;Couleur', 'A;B;2024;1;1;Fonctionnement;x']),
      true,
    );
    expect(headers.body.errors.map((e: { message: string }) => e.message)).toEqual(['Colonne inconnue : Couleur', 'Colonne en double : Montant (€)']);
    expect((await animateur.post(`${base()}/import`, { kind: 'projects', csv: 'titre\nA', file: 'dGl0cmUKQQ==' })).status).toBe(400);
    expect((await animateur.post(`${base()}/import`, { kind: 'projects', file: 'pas du base64 !' })).status).toBe(400);
  });

  it('gives back the same titles and every partner with its role when its own export is imported again', async () => {
    const directory = (await animateur.get('/api/organisations')).body as { id: string; name: string }[];
    const id = (name: string) => directory.find((o) => o.name === name)!.id;
    await animateur.post('/api/organisations', { kind: 'ess_network', name: 'Appui Import' });
    const appui = ((await animateur.get('/api/organisations')).body as { id: string; name: string }[]).find((o) => o.name === 'Appui Import')!.id;
    const source = await buildSpace(animateur, { poleName: 'Pôle source' });
    const titles = ['=SOMME(A1:A3)', '+33 emplois', '-20 % de déchets', '@Tiers-lieu', "'Guillemet d'origine", "'=Déjà protégé"];
    for (const title of titles) {
      const created = await animateur.post(`/api/spaces/${source}/projects`, {
        title,
        partners: [
          { organisationId: id('Réseau Import'), role: 'carrier' },
          { organisationId: id('Région Import'), role: 'funder' },
          { organisationId: appui, role: 'technical_support' },
          { organisationId: id('Région Import'), role: 'partner' },
        ],
      });
      expect(created.status).toBe(201);
    }
    const exported = (await animateur.request('GET', `/api/spaces/${source}/projects-csv/export?kind=projects`)).body as string;
    const table = parseCsv(exported);
    expect(table.header.slice(-4)).toEqual(['porteurs', 'partenaires', 'financeurs', 'appuis_techniques']);
    // The export neutralises formulas for spreadsheets…
    expect(table.rows.map((r) => r.cells[0])).toEqual(
      expect.arrayContaining(["'=SOMME(A1:A3)", "'+33 emplois", "'@Tiers-lieu", "''=Déjà protégé", "'Guillemet d'origine"]),
    );
    expect(table.rows[0].cells.slice(-4)).toEqual(['Réseau Import', 'Région Import', 'Région Import', 'Appui Import']);

    const target = await buildSpace(animateur, { poleName: 'Pôle cible' });
    const imported = await animateur.post(`/api/spaces/${target}/projects-csv/import`, { kind: 'projects', csv: exported, dryRun: false });
    expect(imported.body).toMatchObject({ valid: true, created: titles.length });
    const board = (await animateur.get(`/api/spaces/${target}/projects`)).body as { title: string; partners: { name: string; role: string }[] }[];
    // …and the import removes what the export added: the same titles come back.
    expect(board.map((p) => p.title).sort()).toEqual([...titles].sort());
    for (const project of board) {
      expect(project.partners.map((p) => `${p.role}:${p.name}`).sort()).toEqual([
        'carrier:Réseau Import',
        'funder:Région Import',
        'partner:Région Import',
        'technical_support:Appui Import',
      ]);
    }
  });

  it('refuses malformed files and observateurs', async () => {
    expect((await importFile('projects', 'titre\n"pas fermé', true)).body.errors[0].message).toMatch(/mal formé/);
    expect((await importFile('projects', 'nom;autre\nA;B', true)).body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Colonne obligatoire absente : titre',
      'Colonne inconnue : nom',
      'Colonne inconnue : autre',
    ]);
    expect((await importFile('projects', 'titre\n', true)).body.errors[0].message).toMatch(/aucune ligne/);
    expect((await importFile('projects', csv(['titre', 'Projet interdit']), false, observateur)).status).toBe(403);
    expect((await animateur.post(`${base()}/import`, { kind: 'projects', csv: '' })).status).toBe(400);
    expect((await animateur.post(`${base()}/import`, { kind: 'budgets', csv: 'titre\nA' })).status).toBe(400);
    const big = await animateur.post(`${base()}/import`, { kind: 'projects', csv: `titre\n${'A'.repeat(2_500_000)}`, dryRun: true });
    expect(big.status).toBe(400);
  });
});
