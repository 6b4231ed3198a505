import type { EntityManager } from 'typeorm';
import type { FunderLevel, ProjectStatus } from '@concerto/domain';
import { CUSTOM_INDICATORS, DEMO_PROJECTS } from './demo-projects-content.js';
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

/**
 * Where each level's amounts start among the projects: Europe's largest goes to Ôkhra's Route des ocres (its
 * testimony is about European funds).
 */
const FUNDING_OFFSETS: Record<string, number> = { commune: 0, epci: 7, department: 14, region: 21, state: 28, europe: 22 };

const DAY_MS = 86_400_000;
/** The year of the first value of each project's indicators (`demo-projects-content.ts`). */
const INDICATOR_FIRST_YEAR = 2013;

/**
 * Milestones by the project's status, due some days before (negative) or after the seeding: a running project has
 * done ones, a late one and one to come; a completed project has them all done; a suspended one is late.
 */
const MILESTONES: Record<ProjectStatus, { title: string; inDays: number; done: boolean }[]> = {
  under_study: [
    { title: 'Étude de faisabilité', inDays: -60, done: true },
    { title: 'Montage financier', inDays: 30, done: false },
    { title: 'Décision de lancement', inDays: 120, done: false },
  ],
  ongoing: [
    { title: 'Convention de partenariat signée', inDays: -180, done: true },
    { title: 'Bilan d’activité de l’année', inDays: -20, done: false },
    { title: 'Comité de suivi avec les financeurs', inDays: 45, done: false },
  ],
  completed: [
    { title: 'Lancement', inDays: -400, done: true },
    { title: 'Ouverture au public', inDays: -250, done: true },
    { title: 'Bilan final remis aux financeurs', inDays: -100, done: true },
  ],
  suspended: [
    { title: 'Étude de faisabilité', inDays: -300, done: true },
    { title: 'Recherche d’un nouveau financement', inDays: -75, done: false },
  ],
  abandoned: [{ title: 'Étude de faisabilité', inDays: -500, done: true }],
};

/** Funders per level, by pole where the level is local (organisation keys of the demo territory). */
const FUNDERS: Record<Exclude<FunderLevel, 'other' | 'pnr_petr'>, Record<string, string> | string> = {
  commune: { tetris: 'grasse', ecopole: 'audruicq', okhra: 'roussillon', periscope: 'grasse', ateliers: 'castres' },
  epci: { tetris: 'pays-grasse', ecopole: 'ccra', okhra: 'pays-grasse', periscope: 'sicoval', ateliers: 'castres-mazamet' },
  department: { tetris: 'alpes-maritimes', ecopole: 'pas-de-calais', okhra: 'vaucluse', periscope: 'haute-garonne', ateliers: 'haute-garonne' },
  region: { tetris: 'paca', ecopole: 'hdf', okhra: 'paca', periscope: 'occitanie', ateliers: 'occitanie' },
  state: 'etat',
  europe: 'europe',
};

/** Seeds the demo's projects, their funding (the study's table for 2015), milestones, pole figures and relations. */
export async function seedDemoProjects(
  tx: EntityManager,
  spaceIds: Map<string, string>,
  organisationIds: Map<string, string>,
  accountId: string,
  now = Date.now(),
): Promise<void> {
  for (const [key, figures] of Object.entries(DEMO_POLE_FIGURES)) {
    const columns = Object.keys(figures);
    await tx.query(`UPDATE pole SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = (SELECT pole_id FROM space WHERE id = $1)`, [
      spaceIds.get(key),
      ...Object.values(figures),
    ]);
  }
  const projectIds: string[] = [];
  for (const [i, project] of DEMO_PROJECTS.entries()) {
    const pole = POLE_ORDER[i % POLE_ORDER.length];
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO project (space_id, title, summary, stage, status, start_date, end_date, levers, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [spaceIds.get(pole), project.title, project.summary, project.stage, project.status, project.start, project.end ?? null, project.levers, accountId],
    );
    projectIds.push(row.id);
    const partners: [string | undefined, string][] = [
      [pole, 'carrier'],
      [project.partner, 'partner'],
      [project.support, 'technical_support'],
    ];
    for (const [organisation, role] of partners) {
      if (!organisation) continue;
      await tx.query(`INSERT INTO project_partner (project_id, organisation_id, role) VALUES ($1, $2, $3)`, [row.id, organisationIds.get(organisation), role]);
    }
    await tx.query(`INSERT INTO project_change (project_id, account_id, action, details) VALUES ($1, $2, 'created', $3)`, [
      row.id,
      accountId,
      JSON.stringify({ title: project.title }),
    ]);
    for (const [position, m] of MILESTONES[project.status].entries()) {
      await tx.query(`INSERT INTO project_milestone (project_id, title, due_date, done, position) VALUES ($1, $2, $3, $4, $5)`, [
        row.id,
        m.title,
        new Date(now + m.inDays * DAY_MS).toISOString().slice(0, 10),
        m.done,
        position,
      ]);
    }
    for (const indicator of project.indicators ?? []) {
      const custom = indicator.kind === 'custom' ? CUSTOM_INDICATORS[project.title] : { label: '', unit: '' };
      for (const [n, value] of indicator.values.entries()) {
        if (value === null) continue;
        await tx.query(`INSERT INTO project_indicator (project_id, kind, label, unit, measured_on, value) VALUES ($1, $2, $3, $4, $5, $6)`, [
          row.id,
          indicator.kind,
          custom.label,
          custom.unit,
          `${INDICATOR_FIRST_YEAR + n}-12-31`,
          value,
        ]);
      }
    }
  }
  for (const { level, amounts } of studyFundingPlan()) {
    for (const [rank, amountCents] of amounts.entries()) {
      // Amounts come smallest first: spread them over the projects (29 is prime, so no project gets two of a level).
      const i = (rank * 12 + FUNDING_OFFSETS[level]) % DEMO_PROJECTS.length;
      const pole = POLE_ORDER[i % POLE_ORDER.length];
      const funders = FUNDERS[level as keyof typeof FUNDERS];
      const funder = organisationIds.get(typeof funders === 'string' ? funders : funders[pole]);
      await tx.query(`INSERT INTO project_partner (project_id, organisation_id, role) VALUES ($1, $2, 'funder') ON CONFLICT DO NOTHING`, [
        projectIds[i],
        funder,
      ]);
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
