import { z } from 'zod';
import { RelationEvolution } from '../vocabulary/collectivite.js';
import { FunderLevel } from '../vocabulary/funding.js';
import { FIRST_FUNDING_YEAR, amountCents } from './funding.js';
import { PoleProfile } from './poles.js';
import { isoDate } from './projects.js';
import { nameText, uuid, visibleText } from './text.js';

/**
 * The yearly survey (enquête) that feeds the observatory: an observatory-level user opens a campaign for a year over
 * the poles they follow; each pole answers once (a draft first), and its answer updates the pole's facts, the
 * cellule d'animation's funding for that year and its relations with the collectivités.
 */

export const surveyYear = z.int().min(FIRST_FUNDING_YEAR).max(2200);

/** The panorama's facts: the cellule d'animation (age through its founding year, budget, share self-financed, FTE) and the pole. */
export const SurveyFacts = PoleProfile.pick({
  foundedYear: true,
  cellBudgetCents: true,
  cellSelfFinancedPercent: true,
  cellFte: true,
  memberStructureCount: true,
  employeeCount: true,
  consolidatedBudgetCents: true,
}).strict();
export type SurveyFacts = z.infer<typeof SurveyFacts>;

/** Money the cellule d'animation received from one funder that year (its level is the funder's). */
export const SurveyFundingAnswer = z.strictObject({
  funderId: uuid,
  amountCents,
  status: z.enum(['secured', 'paid']).default('secured'),
});
export type SurveyFundingAnswer = z.infer<typeof SurveyFundingAnswer>;

/** The relation with one collectivité that year; a weakening names its cause. */
export const SurveyRelationAnswer = z
  .strictObject({ organisationId: uuid, evolution: RelationEvolution.schema, cause: nameText(200).default('') })
  .refine((v) => v.evolution !== 'weakening' || v.cause.length >= 2, {
    message: 'A weakening needs its cause (e.g. elections, territorial reform)',
    path: ['cause'],
  });
export type SurveyRelationAnswer = z.infer<typeof SurveyRelationAnswer>;

const distinctBy =
  <T>(key: (item: T) => string, field: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(key(item))) ctx.addIssue({ code: 'custom', message: 'Listed twice', path: [index, field] });
      seen.add(key(item));
    });
  };

/** A pole's answer to the questionnaire (a draft may leave anything empty). */
export const SurveyAnswers = z.strictObject({
  facts: SurveyFacts,
  funding: z
    .array(SurveyFundingAnswer)
    .max(50)
    .superRefine(distinctBy((f) => f.funderId, 'funderId')),
  relations: z
    .array(SurveyRelationAnswer)
    .max(100)
    .superRefine(distinctBy((r) => r.organisationId, 'organisationId')),
});
export type SurveyAnswers = z.infer<typeof SurveyAnswers>;

export const OpenSurveyCampaignRequest = z.strictObject({
  year: surveyYear,
  title: visibleText(2, 160),
  /** The day answers are expected by (said in the reminders). */
  dueOn: isoDate.nullable().default(null),
  /** Some of the spaces I belong to (their poles); all of them by default. */
  spaceIds: z.array(uuid).min(1).max(1000).optional(),
});
export type OpenSurveyCampaignRequest = z.infer<typeof OpenSurveyCampaignRequest>;

export const SurveyResponseStatus = z.enum(['pending', 'draft', 'submitted']);
export type SurveyResponseStatus = z.infer<typeof SurveyResponseStatus>;

/** A campaign and its response rate: "52 répondants sur 75", and the year before's ("42 en 2013"). */
export const SurveyCampaignSummary = z.object({
  id: uuid,
  year: z.number(),
  title: z.string(),
  dueOn: z.string().nullable(),
  openedAt: z.string(),
  /** Poles asked (identified). */
  poles: z.number(),
  /** Poles that submitted (répondants). */
  respondents: z.number(),
  drafts: z.number(),
  /** My campaign of the year before, when there is one. */
  previous: z.object({ id: uuid, year: z.number(), poles: z.number(), respondents: z.number() }).nullable(),
});
export type SurveyCampaignSummary = z.infer<typeof SurveyCampaignSummary>;

export const SurveyCampaignPole = z.object({
  poleId: uuid,
  name: z.string(),
  territory: z.string(),
  /** The pole's main space, where its animateurs answer. */
  spaceId: uuid.nullable(),
  status: SurveyResponseStatus,
  submittedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
});
export type SurveyCampaignPole = z.infer<typeof SurveyCampaignPole>;

export const SurveyCampaignView = SurveyCampaignSummary.extend({ poleList: z.array(SurveyCampaignPole) });
export type SurveyCampaignView = z.infer<typeof SurveyCampaignView>;

export const SurveyReminderResult = z.object({ poles: z.number(), notified: z.number() });
export type SurveyReminderResult = z.infer<typeof SurveyReminderResult>;

/** Where the form's values come from: the pole's own draft or answer, or last year's answers and the projects. */
export const SurveyPrefill = z.enum(['response', 'previous_year', 'pole']);

/** A campaign open to the space's pole, as its members see it. */
export const SpaceSurveyItem = z.object({
  campaignId: uuid,
  year: z.number(),
  title: z.string(),
  dueOn: z.string().nullable(),
  status: SurveyResponseStatus,
});
export type SpaceSurveyItem = z.infer<typeof SpaceSurveyItem>;

/** The pole's form: its answers (prefilled), and what its projects already hold for that year, per funder level. */
export const SurveyFormView = z.object({
  campaign: z.object({ id: uuid, year: z.number(), title: z.string(), dueOn: z.string().nullable() }),
  pole: z.object({ id: uuid, name: z.string() }),
  status: SurveyResponseStatus,
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  prefilledFrom: SurveyPrefill,
  answers: SurveyAnswers,
  projectFunding: z.array(z.object({ level: FunderLevel.schema, amountCents: z.number(), projects: z.number() })),
  canAnswer: z.boolean(),
});
export type SurveyFormView = z.infer<typeof SurveyFormView>;
