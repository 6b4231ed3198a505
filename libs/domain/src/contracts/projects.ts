import { z } from 'zod';
import { Lever } from '../vocabulary/levers.js';
import { OrganisationKind } from '../vocabulary/organisation.js';
import { IndicatorKind, PartnerRole, PolicyFrame, ProjectStage, ProjectStatus } from '../vocabulary/project.js';
import { FundingLineView } from './funding.js';
import { longText, nameText, textIssue, uniqueList, uuid, visibleLength, visibleText } from './text.js';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

const datesInOrder = (v: { startDate?: string | null; endDate?: string | null }) => !v.startDate || !v.endDate || v.startDate <= v.endDate;
const DATES_ORDER_ISSUE = { message: 'The end date must not be before the start date', path: ['endDate'] };

export const ProjectPartnerInput = z.strictObject({ organisationId: uuid, role: PartnerRole.schema });
export type ProjectPartnerInput = z.infer<typeof ProjectPartnerInput>;

const projectFields = {
  title: visibleText(2, 200),
  summary: longText(4000),
  stage: ProjectStage.schema,
  status: ProjectStatus.schema,
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  levers: uniqueList(Lever.schema, 8),
  policyFrames: uniqueList(PolicyFrame.schema, 8),
  partners: z
    .array(ProjectPartnerInput)
    .max(100)
    .transform((list) => [...new Map(list.map((p) => [`${p.organisationId}:${p.role}`, p])).values()]),
};

export const CreateProjectRequest = z
  .strictObject({
    title: projectFields.title,
    summary: projectFields.summary.default(''),
    stage: projectFields.stage.default('emergence'),
    status: projectFields.status.default('under_study'),
    startDate: projectFields.startDate.default(null),
    endDate: projectFields.endDate.default(null),
    levers: projectFields.levers.default([]),
    policyFrames: projectFields.policyFrames.default([]),
    partners: projectFields.partners.default([]),
  })
  .refine(datesInOrder, DATES_ORDER_ISSUE);
export type CreateProjectRequest = z.infer<typeof CreateProjectRequest>;

/** Every change carries the version the editor started from: a stale version is a conflict, never an overwrite. */
export const UpdateProjectRequest = z
  .strictObject({ version: z.int().min(1), ...projectFields })
  .partial()
  .required({ version: true })
  .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to update' })
  .refine(datesInOrder, DATES_ORDER_ISSUE);
export type UpdateProjectRequest = z.infer<typeof UpdateProjectRequest>;

export const ProjectListQuery = z.strictObject({
  lever: Lever.schema.optional(),
  partnerId: uuid.optional(),
  funderId: uuid.optional(),
  stage: ProjectStage.schema.optional(),
  status: ProjectStatus.schema.optional(),
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

export const PartnerView = z.object({
  organisationId: uuid,
  name: z.string(),
  kind: OrganisationKind.schema,
  role: PartnerRole.schema,
});
export type PartnerView = z.infer<typeof PartnerView>;

/** The latest measure of one of a project's indicators (per kind, and per label for custom ones), shown on its card. */
export const LatestIndicatorView = z.object({
  kind: IndicatorKind.schema,
  label: z.string(),
  unit: z.string(),
  measuredOn: isoDate,
  value: z.number(),
});
export type LatestIndicatorView = z.infer<typeof LatestIndicatorView>;

/** A project on the board. `progress` rolls up from milestones (done / all), null without milestones. */
export const ProjectSummary = z.object({
  id: uuid,
  spaceId: uuid,
  title: z.string(),
  summary: z.string(),
  stage: ProjectStage.schema,
  status: ProjectStatus.schema,
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  levers: z.array(Lever.schema),
  policyFrames: z.array(PolicyFrame.schema),
  partners: z.array(PartnerView),
  milestoneCount: z.number(),
  milestonesDone: z.number(),
  progress: z.number().nullable(),
  /** Sum of the project's funding lines, in euro cents, by status. */
  funding: z.object({ requestedCents: z.number(), securedCents: z.number(), paidCents: z.number() }),
  funderIds: z.array(uuid),
  /** The latest measure of each indicator, in the vocabulary's order (custom ones last, by label). */
  latestIndicators: z.array(LatestIndicatorView),
  version: z.number(),
  updatedAt: z.string(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const MilestoneView = z.object({
  id: uuid,
  title: z.string(),
  dueDate: isoDate.nullable(),
  done: z.boolean(),
  position: z.number(),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

export const CreateMilestoneRequest = z.strictObject({
  title: visibleText(2, 200),
  dueDate: isoDate.nullable().default(null),
  done: z.boolean().default(false),
});
export type CreateMilestoneRequest = z.infer<typeof CreateMilestoneRequest>;

export const UpdateMilestoneRequest = z
  .strictObject({ title: visibleText(2, 200), dueDate: isoDate.nullable(), done: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateMilestoneRequest = z.infer<typeof UpdateMilestoneRequest>;

/** A measure of an indicator at a date; custom indicators name themselves and their unit. */
export const CreateIndicatorRequest = z
  .strictObject({
    kind: IndicatorKind.schema,
    label: nameText(120).default(''),
    unit: nameText(40).default(''),
    measuredOn: isoDate,
    value: z.number().finite().min(-1e12).max(1e12),
  })
  .refine((v) => v.kind !== 'custom' || v.label.length >= 2, { message: 'A custom indicator needs a label', path: ['label'] })
  .refine((v) => v.kind !== 'custom' || v.label.length < 2 || visibleLength(v.label) >= 2, {
    ...textIssue('invisible_text'),
    path: ['label'],
  })
  .refine((v) => v.kind === 'custom' || v.kind === 'turnover' || Number.isInteger(v.value * 100), {
    message: 'At most two decimals',
    path: ['value'],
  })
  .refine((v) => v.kind === 'turnover' || v.kind === 'custom' || v.value >= 0, { message: 'Must not be negative', path: ['value'] });
export type CreateIndicatorRequest = z.infer<typeof CreateIndicatorRequest>;

export const IndicatorView = z.object({
  id: uuid,
  kind: IndicatorKind.schema,
  label: z.string(),
  unit: z.string(),
  measuredOn: isoDate,
  value: z.number(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;

export const ProjectAction = z.enum([
  'created',
  'updated',
  'milestone_added',
  'milestone_updated',
  'milestone_removed',
  'indicator_added',
  'indicator_removed',
  'funding_added',
  'funding_updated',
  'funding_removed',
  'imported',
]);
export type ProjectAction = z.infer<typeof ProjectAction>;

/** One entry of a project's timeline: who changed what, when. */
export const ProjectChangeView = z.object({
  id: z.string(),
  at: z.string(),
  author: z.object({ id: uuid, displayName: z.string() }).nullable(),
  action: ProjectAction,
  /** Field → [before, after] for updates; a short description of the item otherwise. */
  details: z.record(z.string(), z.unknown()),
});
export type ProjectChangeView = z.infer<typeof ProjectChangeView>;

/** The session decision a project was made from. */
export const ProjectOrigin = z.object({ sessionId: uuid, sessionTitle: z.string(), decisionId: uuid, decisionText: z.string() });
export type ProjectOrigin = z.infer<typeof ProjectOrigin>;

export const ProjectDetail = ProjectSummary.extend({
  /** Null for a project not made from a decision. */
  origin: ProjectOrigin.nullable(),
  milestones: z.array(MilestoneView),
  indicators: z.array(IndicatorView),
  fundingLines: z.array(FundingLineView),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;
