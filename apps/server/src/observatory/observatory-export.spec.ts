import { type PanoramaView, parseCsv } from '@concerto/domain';
import { fundingLinesCsv, fundingTableCsv, panoramaCsv } from './observatory-export.js';

const cellsOf = (csv: string) => parseCsv(csv).rows.map((r) => r.cells);

describe('observatory open-data CSV', () => {
  it('writes amounts with a decimal comma and the level as a code and its label', () => {
    const csv = fundingTableCsv({
      rows: [{ level: 'commune', totalCents: 24_600_050, projectCount: 16, medianCents: 2_600_000.5 }],
      total: { totalCents: 24_600_050, projectCount: 16, medianCents: null },
    } as never);
    expect(csv.startsWith('\uFEFFniveau;collectivites;')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(cellsOf(csv)).toEqual([
      ['commune', 'Communes', '246000,50', '16', '26000,01'],
      ['total', 'Total', '246000,50', '16', ''],
    ]);
  });

  it('writes each funding line with code and label columns (the pole’s région and département too), and amounts to the cent', () => {
    const line = {
      pole: 'TETRIS',
      territory: 'Pays de Grasse',
      region_code: '93',
      departement_code: '06',
      project: '=Recyclerie',
      funder: 'Région Sud',
      funder_level: 'region',
      year: 2026,
      amount_euros: 30_000.5,
      kind: 'operating',
      instrument: 'Fonds régional ESS',
      status: 'secured',
    };
    const csv = fundingLinesCsv([line, { ...line, pole: 'Pôle sans lieu', region_code: null, departement_code: null }]);
    expect(parseCsv(csv).header).toEqual([
      'pole',
      'territoire',
      'region',
      'region_libelle',
      'departement',
      'departement_libelle',
      'projet',
      'financeur',
      'niveau',
      'niveau_libelle',
      'annee',
      'montant_euros',
      'nature',
      'nature_libelle',
      'instrument',
      'statut',
      'statut_libelle',
    ]);
    expect(cellsOf(csv)[0]).toEqual([
      'TETRIS',
      'Pays de Grasse',
      '93',
      'Provence-Alpes-Côte d’Azur',
      '06',
      'Alpes-Maritimes',
      "'=Recyclerie",
      'Région Sud',
      'region',
      'Région',
      '2026',
      '30000,50',
      'operating',
      'Fonctionnement',
      'Fonds régional ESS',
      'secured',
      'Acquis',
    ]);
    expect(cellsOf(csv)[1].slice(0, 6)).toEqual(['Pôle sans lieu', 'Pays de Grasse', '', '', '', '']);
  });

  it('writes panorama rates as decimal-comma shares with the level code and label', () => {
    const median = (value: number | null) => ({ median: value, count: value === null ? 0 : 2 });
    const view = {
      totals: { poles: 3, jobs: 120, enterprises: 40, consolidatedBudgetCents: 150_000_000, mobilisedCents: 4_398_000_00 },
      cellProfile: { ageYears: median(7.5), budgetCents: median(null), selfFinancedPercent: median(12.5), fte: median(1.75) },
      poleProfile: { memberStructures: median(20), employees: median(null), consolidatedBudgetCents: median(null) },
      levelPresence: [{ level: 'commune', poles: 2, share: 2 / 3 }],
      collectiviteCounts: [{ collectivites: 2, poles: 2 }],
      twoToSixShare: 2 / 3,
      relations: { byYear: [{ year: 2025, widening: 2, stable: 0, weakening: 1 }], weakeningCauses: [], total: {} },
    } as unknown as PanoramaView;
    const rows = cellsOf(panoramaCsv(view));
    expect(rows).toContainEqual(['presence', 'commune', 'Commune', '0,6667', '2']);
    expect(rows).toContainEqual(['cellule_mediane', 'age_annees', 'Âge de la cellule d’animation (années)', '7,5', '2']);
    expect(rows).toContainEqual(['total', 'montants_mobilises_euros', 'Montants mobilisés (€)', '4398000,00', '']);
    expect(rows).toContainEqual(['relations_2025', 'weakening', 'Fragilisation', '1', '']);
  });
});
