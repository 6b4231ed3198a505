import type { EntityManager } from 'typeorm';
import type { FunderLevel, Lever, ProjectStage, ProjectStatus } from '@concerto/domain';
import { studyFundingPlan } from './study-funding-plan.js';

/** The year of the study's survey: the demo's funding lines reproduce its "Repères" table for that year. */
export const DEMO_FUNDING_YEAR = 2015;

/** Key figures of the demo poles (for the observatory's median profiles). */
export const DEMO_POLE_FIGURES: Record<string, Record<string, number>> = {
  tetris: {
    founded_year: 2009,
    cell_budget_cents: 21_000_000,
    cell_self_financed_percent: 35,
    cell_fte: 2.5,
    employee_count: 85,
    consolidated_budget_cents: 310_000_000,
  },
  ecopole: {
    founded_year: 2007,
    cell_budget_cents: 15_000_000,
    cell_self_financed_percent: 42,
    cell_fte: 1.75,
    employee_count: 60,
    consolidated_budget_cents: 230_000_000,
  },
  okhra: {
    founded_year: 2011,
    cell_budget_cents: 9_000_000,
    cell_self_financed_percent: 55,
    cell_fte: 1.2,
    employee_count: 18,
    consolidated_budget_cents: 90_000_000,
  },
  periscope: {
    founded_year: 2012,
    cell_budget_cents: 12_000_000,
    cell_self_financed_percent: 20,
    cell_fte: 1.75,
    employee_count: 40,
    consolidated_budget_cents: 150_000_000,
  },
  ateliers: {
    founded_year: 2014,
    cell_budget_cents: 6_000_000,
    cell_self_financed_percent: 15,
    cell_fte: 1,
    employee_count: 25,
    consolidated_budget_cents: 70_000_000,
  },
};

const POLE_ORDER = ['tetris', 'ecopole', 'okhra', 'periscope', 'ateliers'];

/** Funders per level, by pole where the level is local (organisation keys of the demo territory). */
const FUNDERS: Record<Exclude<FunderLevel, 'other' | 'pnr_petr'>, Record<string, string> | string> = {
  commune: { tetris: 'grasse', ecopole: 'audruicq', okhra: 'roussillon', periscope: 'grasse', ateliers: 'castres' },
  epci: { tetris: 'pays-grasse', ecopole: 'ccra', okhra: 'pays-grasse', periscope: 'sicoval', ateliers: 'castres-mazamet' },
  department: { tetris: 'alpes-maritimes', ecopole: 'pas-de-calais', okhra: 'vaucluse', periscope: 'haute-garonne', ateliers: 'haute-garonne' },
  region: { tetris: 'paca', ecopole: 'hdf', okhra: 'paca', periscope: 'occitanie', ateliers: 'occitanie' },
  state: 'etat',
  europe: 'europe',
};

const TITLES = [
  'Recyclerie du Pays de Grasse',
  'Légumerie solidaire',
  'Conservatoire des ocres : formation',
  'Tiers-lieu du Sicoval',
  'Atelier partagé de Castres',
  'Plateforme de mobilité solidaire',
  'Jardins de cocagne — extension',
  'Route des ocres : tourisme durable',
  'Groupement d’employeurs ESS',
  'Fablab textile',
  'Épicerie solidaire itinérante',
  'Cuisine centrale bio',
  'Chantier d’insertion patrimoine',
  'Coopérative d’activités et d’emploi',
  'Halle de mutualisation',
  'Filière plantes à parfum',
  'Conserverie coopérative',
  'Résidence d’artisans',
  'Incubateur ESS du Sicoval',
  'Friche des Ateliers',
  'Compostage de proximité',
  'Drive fermier',
  'Écomusée vivant',
  'Pôle numérique solidaire',
  'Ressourcerie du Tarn',
  'Bois énergie local',
  'Maraîchage d’insertion',
  'Atelier vélo',
  'Café associatif et culturel',
];
const STAGES: ProjectStage[] = ['emergence', 'seeding', 'development', 'sustainability'];
const STATUSES: ProjectStatus[] = ['under_study', 'ongoing', 'ongoing', 'completed', 'suspended'];
const LEVERS: Lever[] = [
  'pedagogy',
  'contractual_frameworks',
  'internal_transversality',
  'inter_collectivite',
  'networks_concertation',
  'urban_projects',
  'employment_coordination',
  'skills_support',
];

/** Seeds the demo's projects, their funding (the study's table for 2015), milestones, pole figures and relations. */
export async function seedDemoProjects(
  tx: EntityManager,
  spaceIds: Map<string, string>,
  organisationIds: Map<string, string>,
  accountId: string,
): Promise<void> {
  for (const [key, figures] of Object.entries(DEMO_POLE_FIGURES)) {
    const columns = Object.keys(figures);
    await tx.query(`UPDATE pole SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = (SELECT pole_id FROM space WHERE id = $1)`, [
      spaceIds.get(key),
      ...Object.values(figures),
    ]);
  }
  const projectIds: string[] = [];
  for (const [i, title] of TITLES.entries()) {
    const pole = POLE_ORDER[i % POLE_ORDER.length];
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO project (space_id, title, summary, stage, status, start_date, levers, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        spaceIds.get(pole),
        title,
        '',
        STAGES[i % STAGES.length],
        STATUSES[i % STATUSES.length],
        `${2013 + (i % 3)}-0${1 + (i % 9)}-01`,
        [LEVERS[i % 8], LEVERS[(i * 3 + 1) % 8]],
        accountId,
      ],
    );
    projectIds.push(row.id);
    await tx.query(`INSERT INTO project_partner (project_id, organisation_id, role) VALUES ($1, $2, 'carrier')`, [row.id, organisationIds.get(pole)]);
    await tx.query(`INSERT INTO project_change (project_id, account_id, action, details) VALUES ($1, $2, 'created', $3)`, [
      row.id,
      accountId,
      JSON.stringify({ title }),
    ]);
  }
  for (const { level, amounts } of studyFundingPlan()) {
    for (const [i, amountCents] of amounts.entries()) {
      const pole = POLE_ORDER[i % POLE_ORDER.length];
      const funders = FUNDERS[level as keyof typeof FUNDERS];
      const funder = organisationIds.get(typeof funders === 'string' ? funders : funders[pole]);
      await tx.query(
        `INSERT INTO funding_line (project_id, funder_id, funder_level, year, amount_cents, kind, instrument, status, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          projectIds[i],
          funder,
          level,
          DEMO_FUNDING_YEAR,
          amountCents,
          i % 3 === 0 ? 'investment' : 'operating',
          level === 'europe' ? 'FEDER' : '',
          i % 2 ? 'paid' : 'secured',
          accountId,
        ],
      );
    }
  }
  for (const [i, projectId] of projectIds.slice(0, 5).entries()) {
    for (const [n, title] of ['Étude de faisabilité', 'Montage financier', 'Ouverture au public'].entries()) {
      await tx.query(`INSERT INTO project_milestone (project_id, title, due_date, done, position) VALUES ($1, $2, $3, $4, $5)`, [
        projectId,
        title,
        `2016-0${3 + n * 3}-30`,
        n <= i % 3,
        n,
      ]);
    }
  }
  const relations: [string, string, number, 'widening' | 'stable' | 'weakening', string][] = [
    ['tetris', 'pays-grasse', 2015, 'widening', ''],
    ['tetris', 'paca', 2015, 'stable', ''],
    ['ecopole', 'ccra', 2015, 'widening', ''],
    ['ecopole', 'pas-de-calais', 2016, 'weakening', 'Loi NOTRe : compétences économiques transférées à la Région'],
    ['okhra', 'luberon', 2015, 'widening', ''],
    ['periscope', 'sicoval', 2015, 'widening', ''],
    ['ateliers', 'castres', 2015, 'weakening', 'Élections municipales de 2014'],
  ];
  for (const [pole, organisation, year, evolution, cause] of relations) {
    await tx.query(
      `INSERT INTO collectivite_relation (pole_id, organisation_id, year, evolution, cause, recorded_by_id)
       SELECT pole_id, $2, $3, $4, $5, $6 FROM space WHERE id = $1`,
      [spaceIds.get(pole), organisationIds.get(organisation), year, evolution, cause, accountId],
    );
  }
}
