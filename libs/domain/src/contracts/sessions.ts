import { z } from 'zod';
import { Lever } from '../vocabulary/levers.js';
import { AgendaItemStatus, ConsentAnswer, ResultsVisibility, SessionMode, SessionStatus, VoteKind } from '../vocabulary/session.js';
import { emailAddress, longText, nameText, uuid, visibleText } from './text.js';
import { isTimeZone } from '../sessions/minutes-dates.js';

const webLink = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), { message: 'An http(s) link' });

export const AgendaItemInput = z.strictObject({
  title: visibleText(2, 200),
  durationMinutes: z.int().min(1).max(480),
  lever: Lever.schema.nullable().default(null),
  /** A section of the space's diagnostic the item works on. */
  diagnosticSectionId: z
    .string()
    .max(80)
    .regex(/^[a-z0-9_-]+$/)
    .nullable()
    .default(null),
});
export type AgendaItemInput = z.infer<typeof AgendaItemInput>;

const sessionFields = {
  title: visibleText(3, 200),
  scheduledAt: z.iso.datetime({ offset: true }),
  place: nameText(200),
  link: webLink,
  mode: SessionMode.schema,
  anonymousNotes: z.boolean(),
  agenda: z.array(AgendaItemInput).max(40),
  /** Space members invited; everyone in the space when empty. */
  participantIds: z.array(uuid).max(500),
};

export const CreateSessionRequest = z.strictObject({
  ...sessionFields,
  place: sessionFields.place.default(''),
  link: sessionFields.link.default(''),
  mode: sessionFields.mode.default('in_person'),
  anonymousNotes: sessionFields.anonymousNotes.default(false),
  agenda: sessionFields.agenda.default([]),
  participantIds: sessionFields.participantIds.default([]),
});
export type CreateSessionRequest = z.infer<typeof CreateSessionRequest>;

/** The agenda can only be replaced while the session is planned; the rest until it is closed. */
export const UpdateSessionRequest = z
  .strictObject(sessionFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequest>;

export const FacilitationRequest = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('pause') }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('extend'), minutes: z.int().min(1).max(120) }),
  z.strictObject({ action: z.literal('next') }),
  z.strictObject({ action: z.literal('goto'), itemId: uuid }),
]);
export type FacilitationRequest = z.infer<typeof FacilitationRequest>;

export const AddGuestRequest = z.strictObject({ email: emailAddress });
export type AddGuestRequest = z.infer<typeof AddGuestRequest>;

export const AgendaItemView = z.object({
  id: uuid,
  position: z.number(),
  title: z.string(),
  durationMinutes: z.number(),
  lever: Lever.schema.nullable(),
  diagnosticSectionId: z.string().nullable(),
  status: AgendaItemStatus.schema,
  /** Timer, in milliseconds of the server's clock (compare with `serverNow`). */
  plannedMs: z.number(),
  extraMs: z.number(),
  elapsedMs: z.number(),
  runningSince: z.number().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

export const ParticipantView = z.object({
  accountId: uuid,
  displayName: z.string(),
  /**
   * `member` of the space (with their role), `guest` of this session only (a contributeur for it), or `participant`
   * who joined by code without an account (a contributeur of this session only, « participant·e sans compte »).
   */
  kind: z.enum(['member', 'guest', 'participant']),
  role: z.enum(['animateur', 'contributeur', 'observateur']),
  invited: z.boolean(),
  attendedAt: z.string().nullable(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const SessionSummary = z.object({
  id: uuid,
  spaceId: uuid,
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string(),
  link: z.string(),
  mode: SessionMode.schema,
  status: SessionStatus.schema,
  startedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  hasMinutes: z.boolean(),
});
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionView = SessionSummary.extend({
  anonymousNotes: z.boolean(),
  agenda: z.array(AgendaItemView),
  participants: z.array(ParticipantView),
  /** The caller's role in this session (guests are contributeurs here). */
  myRole: z.enum(['animateur', 'contributeur', 'observateur']),
  /** The server's clock when this view was made: every screen shows the same remaining time. */
  serverNow: z.number(),
  version: z.number(),
});
export type SessionView = z.infer<typeof SessionView>;

export const VoteOptionInput = z.strictObject({ key: z.string().trim().min(1).max(80), label: visibleText(1, 300) });

export const CreateVoteRequest = z
  .strictObject({
    kind: VoteKind.schema,
    title: visibleText(2, 200),
    agendaItemId: uuid.nullable().default(null),
    options: z.array(VoteOptionInput).max(60).default([]),
    dotsPerParticipant: z.int().min(1).max(50).default(8),
    resultsVisibility: ResultsVisibility.schema.default('live'),
    /** When ballots stop being accepted (optional; the animateur may still close the vote earlier). In the future. */
    closesAt: z.iso.datetime({ offset: true }).nullable().default(null),
  })
  .refine((v) => v.kind === 'consent' || v.options.length >= 2, { message: 'At least two options', path: ['options'] })
  .refine((v) => new Set(v.options.map((o) => o.key)).size === v.options.length, { message: 'Option keys must be unique', path: ['options'] });
export type CreateVoteRequest = z.infer<typeof CreateVoteRequest>;

export const BallotRequest = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dot'), allocations: z.record(z.string().max(80), z.int().min(0).max(50)) }),
  z
    .strictObject({ kind: z.literal('consent'), answer: ConsentAnswer.schema, reason: longText(1000).default('') })
    .refine((v) => v.answer !== 'objection' || v.reason.length >= 3, { message: 'An objection must give its reason', path: ['reason'] }),
  z.strictObject({ kind: z.literal('score'), scores: z.record(z.string().max(80), z.int().min(0).max(5)) }),
]);
export type BallotRequest = z.infer<typeof BallotRequest>;

/** One more (or one less) dot on an option. */
export const DotRequest = z.strictObject({ option: z.string().max(80), delta: z.union([z.literal(1), z.literal(-1)]) });
export type DotRequest = z.infer<typeof DotRequest>;

export const BallotView = z.object({
  voteId: uuid,
  dotsUsed: z.number(),
  dotBudget: z.number(),
  allocations: z.record(z.string(), z.number()),
  scores: z.record(z.string(), z.number()),
  answer: ConsentAnswer.schema.nullable(),
  reason: z.string(),
});
export type BallotView = z.infer<typeof BallotView>;

export const VoteResults = z.object({
  voters: z.number(),
  /** Dot vote: dots per option; score: mean per option; consent: unused. */
  options: z.array(z.object({ key: z.string(), label: z.string(), dots: z.number(), meanScore: z.number().nullable(), scores: z.number() })),
  consent: z.record(ConsentAnswer.schema, z.number()).nullable(),
  objections: z.array(z.object({ reason: z.string() })),
});
export type VoteResults = z.infer<typeof VoteResults>;

export const VoteView = z.object({
  id: uuid,
  sessionId: uuid,
  agendaItemId: uuid.nullable(),
  kind: VoteKind.schema,
  title: z.string(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
  dotsPerParticipant: z.number(),
  resultsVisibility: ResultsVisibility.schema,
  /** `closed` once closed by the animateur, by the session's closing, or when `closesAt` has passed. */
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** The closing time set when the vote was opened (ISO), if any. */
  closesAt: z.string().nullable(),
  /** Null while hidden from the caller. */
  results: VoteResults.nullable(),
  /** A closed consent vote's outcome (see `consentOutcome`); null otherwise or while the results are hidden. */
  outcome: z.enum(['adopted', 'blocked', 'no_answer']).nullable(),
});
export type VoteView = z.infer<typeof VoteView>;

export const CreateDecisionRequest = z.strictObject({ text: longText(2000).pipe(z.string().min(3)), agendaItemId: uuid.nullable().default(null) });
export type CreateDecisionRequest = z.infer<typeof CreateDecisionRequest>;

export const DecisionView = z.object({
  id: uuid,
  agendaItemId: uuid.nullable(),
  /** The adopted consent vote it was recorded from, if any. */
  voteId: uuid.nullable(),
  text: z.string(),
  projectId: uuid.nullable(),
  createdAt: z.string(),
});
export type DecisionView = z.infer<typeof DecisionView>;

/** The minutes (compte-rendu) written at close, kept as data and rendered to Markdown and DOCX. */
export const MinutesView = z.object({
  sessionId: uuid,
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string(),
  mode: SessionMode.schema,
  startedAt: z.string().nullable(),
  closedAt: z.string(),
  attendance: z.array(z.object({ displayName: z.string(), kind: z.enum(['member', 'guest', 'participant']), attended: z.boolean() })),
  agenda: z.array(
    z.object({
      title: z.string(),
      plannedMinutes: z.number(),
      actualMinutes: z.number(),
      startedAt: z.string().nullable(),
      endedAt: z.string().nullable(),
      lever: Lever.schema.nullable(),
      clusters: z.array(
        z.object({
          title: z.string(),
          notes: z.array(
            z.object({
              text: z.string(),
              author: z.string().nullable(),
              /** Who the author was in the session (absent from minutes written before it was recorded, and when notes are anonymous). */
              authorKind: ParticipantView.shape.kind.optional(),
              category: z.string(),
            }),
          ),
        }),
      ),
      votes: z.array(z.object({ title: z.string(), kind: VoteKind.schema, results: VoteResults })),
    }),
  ),
  votes: z.array(z.object({ title: z.string(), kind: VoteKind.schema, results: VoteResults })),
  decisions: z.array(z.object({ text: z.string(), item: z.string().nullable(), projectId: uuid.nullable() })),
});
export type MinutesView = z.infer<typeof MinutesView>;

/** `lang` picks the document's language (downloads are plain links: they cannot choose Accept-Language). */
export const MinutesExportQuery = z.strictObject({
  format: z.enum(['md', 'docx']).default('md'),
  lang: z.enum(['fr', 'en']).optional(),
  /** The reader's IANA time zone for the dates written in the minutes (Europe/Paris when absent). */
  tz: z.string().max(64).refine(isTimeZone, { message: 'tz must be an IANA time zone, e.g. Europe/Paris' }).optional(),
});
export type MinutesExportQuery = z.infer<typeof MinutesExportQuery>;
