import { cpus, loadavg, totalmem } from 'node:os';
import type { DataSource, EntityManager } from 'typeorm';
import { DEPARTEMENTS } from '@concerto/domain';
import { ApiClient, buildSpace, startTestApp, type TestApp } from '@concerto/server/testing';
import { round } from './stats.js';

/** Sizes of the generated territory (the issue's: 10,000 poles, 50,000 projects, 200,000 funding lines). */
export const DATASET = { poles: 10_000, projects: 50_000, fundingLines: 200_000, relations: 20_000, indicators: 150_000, narrowSpaces: 100 } as const;

const COLLECTIVITES: [level: string, count: number, name: string][] = [
  ['commune', 16, 'Ville'],
  ['epci', 10, 'Communauté de communes'],
  ['department', 8, 'Département'],
  ['region', 6, 'Région'],
  ['state', 3, 'État — service déconcentré'],
  ['europe', 2, 'Union européenne — fonds'],
  ['pnr_petr', 5, 'PNR / PETR'],
];
const TERRITORIES = [
  'Pays de Grasse',
  'Sicoval',
  'Pas-de-Calais',
  'Bassin minier',
  'Pays basque',
  'Vallée de la Drôme',
  'Grand Clermont',
  'Pays de Redon',
  'Nantes Métropole',
  'Lyon Métropole',
  'Haute-Provence',
  'Pays de Brest',
  'Cévennes',
  'Vosges',
  'Grand Est rural',
  'Lille Métropole',
  'Pays d’Auge',
  'Bocage bressuirais',
  'Pays de Morlaix',
  'Ardèche méridionale',
];
const CAUSES = ['Élections municipales', 'Réforme territoriale (loi NOTRe)', 'Changement d’élu référent', 'Baisse des dotations', 'élections municipales'];

const list = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]::text[]`;
/** A random element of a literal array (evaluated per row: `g` ties it to the row). */
const pick = (values: readonly string[]) => `(${list(values)})[1 + floor(random() * ${values.length})::int]`;
/** A random subset of a literal array, each element kept with probability `p` (plus the element `g % n` when `atLeastOne`). */
const subset = (values: readonly string[], p: number, atLeastOne = false) =>
  `ARRAY(SELECT v FROM unnest(${list(values)}) WITH ORDINALITY u(v, i) WHERE g > 0 AND (${atLeastOne ? `i = 1 + g % ${values.length} OR ` : ''}random() < ${p}))`;
/** Null now and then, like a profile partly filled in. */
const sometimes = (expression: string, nullShare = 0.06) => `CASE WHEN random() < ${nullShare} THEN NULL ELSE ${expression} END`;

const LEVELS = COLLECTIVITES.map(([level]) => level);
/** One pole in this many has no région nor département. */
const UNLOCATED_EVERY = 40;

/** Statements in order; each a single bulk INSERT … SELECT. */
function statements(wideAccountId: string, narrowAccountId: string): [label: string, sql: string, params?: unknown[]][] {
  const organisations = COLLECTIVITES.flatMap(([level, count, name]) =>
    Array.from({ length: count }, (_, i) => `('collectivite', '${name.replace(/'/g, "''")} ${i + 1}', '${level}', NULL)`),
  );
  for (let i = 1; i <= 6; i++) organisations.push(`('ess_network', 'Tête de réseau ESS ${i}', NULL, NULL)`);
  for (const kind of ['private', 'social_economy', 'research', 'training'])
    organisations.push(`('member_structure', 'Structure membre ${kind}', NULL, '${kind}')`);
  return [
    ['organisations', `INSERT INTO organisation (kind, name, collectivite_level, structure_kind) VALUES ${organisations.join(', ')}`],
    [
      'technician',
      `UPDATE account SET organisation_id = (SELECT id FROM organisation WHERE collectivite_level = 'region' ORDER BY name LIMIT 1) WHERE id = $1`,
      [wideAccountId],
    ],
    [
      'poles',
      `INSERT INTO pole (name, territory, stage, legal_form, perimeter, implantation, sectors, collectivite_levels, structure_kinds, activity_natures,
                         member_structure_count, founded_year, cell_budget_cents, cell_self_financed_percent, cell_fte, employee_count, consolidated_budget_cents)
       SELECT 'Pôle ' || g, ${pick(TERRITORIES)}, ${sometimes(pick(['prefiguration', 'seeding', 'development', 'sustainability']))},
              ${pick(['association', 'cooperative'])}, ${pick(['intercommunality', 'pays_parc', 'department', 'region'])},
              ${sometimes(pick(['urban', 'periurban', 'rural']), 0.03)}, ${subset(['environment', 'social', 'culture', 'services', 'industry'], 0.25, true)},
              ${subset(LEVELS, 0.3)}, ${subset(['private', 'public', 'social_economy', 'institution', 'research', 'training'], 0.4)},
              ${subset(['goods_and_services', 'training', 'skills_management'], 0.5)},
              ${sometimes('3 + floor(random() * 120)::int')}, ${sometimes('1995 + floor(random() * 29)::int')},
              ${sometimes('(2000000 + floor(random() * 38000000))::bigint')}, ${sometimes('round((random() * 100)::numeric, 2)')},
              ${sometimes('round((0.5 + random() * 7.5)::numeric, 2)')}, ${sometimes('floor(power(random(), 2) * 500)::int')},
              ${sometimes('(10000000 + floor(power(random(), 2) * 5000000000))::bigint')}
         FROM generate_series(1, ${DATASET.poles}) g`,
    ],
    ['spaces', `INSERT INTO space (pole_id, title, created_by_id) SELECT id, 'Espace de concertation — ' || name, $1 FROM pole`, [wideAccountId]],
    ['bench_space', `CREATE TEMP TABLE bench_space ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM space`],
    ['memberships', `INSERT INTO space_membership (space_id, account_id, role) SELECT id, $1, 'observateur' FROM space`, [wideAccountId]],
    [
      'narrow memberships',
      `INSERT INTO space_membership (space_id, account_id, role) SELECT id, $1, 'observateur' FROM bench_space WHERE n % ${DATASET.poles / DATASET.narrowSpaces} = 0`,
      [narrowAccountId],
    ],
    [
      'projects',
      `INSERT INTO project (space_id, title, stage, status, levers, start_date, created_by_id)
       SELECT s.id, 'Projet ' || g, ${pick(['emergence', 'seeding', 'development', 'sustainability'])},
              ${pick(['under_study', 'ongoing', 'suspended', 'completed', 'abandoned'])},
              ${subset(['pedagogy', 'contractual_frameworks', 'internal_transversality', 'inter_collectivite', 'networks_concertation', 'urban_projects', 'employment_coordination', 'skills_support'], 0.2)},
              date '2012-01-01' + floor(random() * 4700)::int, $1
         FROM (SELECT g, 1 + floor(random() * ${DATASET.poles})::int AS n FROM generate_series(1, ${DATASET.projects}) g) r JOIN bench_space s USING (n)`,
      [wideAccountId],
    ],
    ['bench_project', `CREATE TEMP TABLE bench_project ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM project`],
    [
      'bench_funder',
      `CREATE TEMP TABLE bench_funder ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY kind, name)::int AS n, id, coalesce(collectivite_level, 'other') AS level, kind
         FROM organisation WHERE kind IN ('collectivite', 'ess_network')`,
    ],
    [
      'project partners',
      `INSERT INTO project_partner (project_id, organisation_id, role)
       SELECT p.id, o.id, r.role FROM (
         SELECT g, 1 + floor(random() * ${DATASET.projects})::int AS pn, 1 + floor(random() * (SELECT count(*) FROM organisation))::int AS o,
                ${pick(['carrier', 'partner', 'funder', 'technical_support'])} AS role
           FROM generate_series(1, ${DATASET.projects}) g) r
         JOIN bench_project p ON p.n = r.pn JOIN (SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM organisation) o ON o.n = r.o
       ON CONFLICT DO NOTHING`,
    ],
    [
      'funding lines',
      `INSERT INTO funding_line (project_id, funder_id, funder_level, year, amount_cents, kind, instrument, status, created_by_id)
       SELECT p.id, f.id, f.level, r.year, r.amount, r.kind, r.instrument, r.status, $1 FROM (
         SELECT g, 1 + floor(random() * ${DATASET.projects})::int AS pn, 1 + floor(random() * (SELECT count(*) FROM bench_funder))::int AS fn,
                2012 + floor(random() * 13)::int AS year, round(exp(ln(100000) + random() * ln(500)))::bigint AS amount,
                ${pick(['operating', 'investment'])} AS kind, ${pick(['FEDER', 'FSE+', 'LEADER', 'AMI PTCE', 'DLA', 'Contrat de ville', 'CRTE', 'Subvention de fonctionnement'])} AS instrument,
                (ARRAY['requested', 'secured', 'secured', 'paid', 'paid'])[1 + floor(random() * 5)::int] AS status
           FROM generate_series(1, ${DATASET.fundingLines}) g) r
         JOIN bench_project p ON p.n = r.pn JOIN bench_funder f ON f.n = r.fn`,
      [wideAccountId],
    ],
    [
      'relations',
      `INSERT INTO collectivite_relation (pole_id, organisation_id, year, evolution, cause, recorded_by_id)
       SELECT s.pole_id, f.id, r.year, r.evolution, CASE WHEN r.evolution = 'weakening' THEN r.cause ELSE '' END, $1 FROM (
         SELECT g, 1 + floor(random() * ${DATASET.poles})::int AS sn, 1 + floor(random() * (SELECT count(*) FROM bench_funder WHERE kind = 'collectivite'))::int AS fn,
                2012 + floor(random() * 13)::int AS year, (ARRAY['widening', 'stable', 'stable', 'weakening'])[1 + floor(random() * 4)::int] AS evolution,
                ${pick(CAUSES)} AS cause
           FROM generate_series(1, ${DATASET.relations}) g) r
         JOIN bench_space b ON b.n = r.sn JOIN space s ON s.id = b.id JOIN bench_funder f ON f.n = r.fn
       ON CONFLICT (pole_id, organisation_id, year) DO NOTHING`,
      [wideAccountId],
    ],
    // Last, so the steps before draw the same random numbers as before indicators were generated.
    [
      'indicators',
      `INSERT INTO project_indicator (project_id, kind, measured_on, value)
       SELECT p.id, r.kind, r.measured_on,
              CASE WHEN r.kind IN ('turnover', 'budget') THEN round((random() * 2000000)::numeric, 2) ELSE round((random() * 40)::numeric, 2) END
         FROM (SELECT g, 1 + floor(random() * ${DATASET.projects})::int AS pn,
                      ${pick(['jobs_created', 'fte', 'structures_involved', 'people_in_insertion', 'turnover', 'budget'])} AS kind,
                      date '2012-01-01' + floor(random() * 4700)::int AS measured_on
                 FROM generate_series(1, ${DATASET.indicators}) g) r
         JOIN bench_project p ON p.n = r.pn`,
    ],
    // Where each pole is (for the map), without drawing random numbers: the poles spread over every département in
    // turn, one in ${UNLOCATED_EVERY} left without a location (as a profile not filled in).
    [
      'locations',
      `UPDATE pole po SET region_code = d.region, departement_code = d.code
         FROM (SELECT id, row_number() OVER (ORDER BY id)::int AS n FROM pole) r
         JOIN (SELECT * FROM unnest(${list(DEPARTEMENTS.map((d) => d.code))}, ${list(DEPARTEMENTS.map((d) => d.region))}) WITH ORDINALITY AS d(code, region, i)) d
           ON d.i = 1 + r.n % ${DEPARTEMENTS.length}
        WHERE po.id = r.id AND r.n % ${UNLOCATED_EVERY} <> 0`,
    ],
  ];
}

export interface LoadedDataset {
  loadMs: number;
  analyzeMs: number;
  steps: { label: string; ms: number }[];
  counts: Record<string, number>;
}

/**
 * Generates the territory in one transaction of bulk INSERT … SELECT (seeded random), then ANALYZE.
 * The wide account is an observateur of every space (worst case for the scope), the narrow one of 100.
 */
export async function loadObservatoryDataset(db: DataSource, wideAccountId: string, narrowAccountId: string): Promise<LoadedDataset> {
  const steps: { label: string; ms: number }[] = [];
  const started = performance.now();
  await db.transaction(async (m: EntityManager) => {
    await m.query(`SELECT setseed(0.2024)`);
    for (const [label, sql, params] of statements(wideAccountId, narrowAccountId)) {
      const at = performance.now();
      await m.query(sql, params);
      steps.push({ label, ms: Math.round(performance.now() - at) });
    }
  });
  const loadMs = performance.now() - started;
  const analyzeStarted = performance.now();
  await db.query('ANALYZE');
  const analyzeMs = performance.now() - analyzeStarted;
  const tables = [
    'organisation',
    'pole',
    'space',
    'space_membership',
    'project',
    'project_partner',
    'funding_line',
    'collectivite_relation',
    'project_indicator',
  ];
  const [row]: Record<string, string>[] = await db.query(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
  const counts = Object.fromEntries(tables.map((t) => [t, Number(row[t])]));
  return { loadMs, analyzeMs, steps, counts };
}

/** The benchmarks' readers: an observateur of every space (the worst case for the scope) and one of 100 spaces. */
export type Reader = 'wide' | 'narrow';

export interface ObservatoryTerritory {
  t: TestApp;
  dataset: LoadedDataset;
  clients: Record<Reader, ApiClient>;
}

/** A fresh app (real migrations) with the generated territory and its two readers signed in. */
export async function startObservatoryTerritory(): Promise<ObservatoryTerritory> {
  const t = await startTestApp();
  const clients = { wide: new ApiClient(t.url), narrow: new ApiClient(t.url) };
  await clients.wide.signUp({ email: 'technicienne@region.example.fr', displayName: 'Technicienne de la Région' });
  await clients.narrow.signUp({ email: 'charge.mission@epci.example.fr', displayName: 'Chargé de mission EPCI' });
  const dataset = await loadObservatoryDataset(t.dataSource, clients.wide.account!.id, clients.narrow.account!.id);
  return { t, dataset, clients };
}

export interface WriteTarget {
  spaceId: string;
  projectId: string;
}

export interface ObservatoryWriter {
  writer: ApiClient;
  /** A project in a space of the writer's own, outside both readers' scopes. */
  elsewhere: WriteTarget;
  /** A project in a space both readers follow (the first of the narrow reader's), where the writer is animateur. */
  inScope: WriteTarget;
}

/** A person writing through the API (animatrice): in a space of her own, and in a space both readers follow. */
export async function addObservatoryWriter({ t, clients }: ObservatoryTerritory): Promise<ObservatoryWriter> {
  const writer = new ApiClient(t.url);
  await writer.signUp({ email: 'animatrice@pole.example.fr', displayName: 'Animatrice du pôle' });
  const ownSpace = await buildSpace(writer, { poleName: 'Pôle de l’animatrice' });
  const elsewhere = { spaceId: ownSpace, projectId: (await writer.post(`/api/spaces/${ownSpace}/projects`, { title: 'Projet hors champ' })).body.id };
  const [{ space_id: sharedSpace }]: { space_id: string }[] = await t.dataSource.query(
    `SELECT space_id FROM space_membership WHERE account_id = $1 ORDER BY space_id LIMIT 1`,
    [clients.narrow.account!.id],
  );
  await t.dataSource.query(`INSERT INTO space_membership (space_id, account_id, role) VALUES ($1, $2, 'animateur')`, [sharedSpace, writer.account!.id]);
  const inScope = { spaceId: sharedSpace, projectId: (await writer.post(`/api/spaces/${sharedSpace}/projects`, { title: 'Projet suivi' })).body.id };
  return { writer, elsewhere, inScope };
}

export type ObservatoryBench = ObservatoryTerritory & ObservatoryWriter;

/**
 * A benchmark's territory, started before its tests (with the writer unless `writer` is false) and closed after:
 * the object answered is filled in by `beforeAll`.
 */
export function useObservatoryBench({ writer = true }: { writer?: boolean } = {}): ObservatoryBench {
  const bench = {} as ObservatoryBench;
  beforeAll(async () => {
    Object.assign(bench, await startObservatoryTerritory());
    if (writer) Object.assign(bench, await addObservatoryWriter(bench));
  });
  afterAll(() => bench.t?.close());
  return bench;
}

/** The machine and the load it carried, for the results' first line (the cores are shared with other work). */
export function machineLine(details: string, loadAtStart: number[]): string {
  const load = (values: number[]) => values.map((l) => round(l)).join(' / ');
  return (
    `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; ${details}; ` +
    `load average (1 / 5 / 15 min) ${load(loadAtStart)} at the start of the measures, ${load(loadavg())} at the end (the cores are shared with other work)`
  );
}
