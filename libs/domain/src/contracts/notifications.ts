import { z } from 'zod';
import { uuid } from './text.js';

/**
 * What can notify someone. Each kind has a default channel (below) that an account can change per kind, for all its
 * spaces or for one space.
 */
export const NotificationKind = z.enum([
  /** Added to a space (invitation accepted, or added directly). */
  'space_joined',
  /** Invited to a space (an account already exists for the invited address). */
  'space_invited',
  /** Added as a guest of a concertation session. */
  'session_guest_added',
  /** One's role in a space changed. */
  'role_changed',
  /** Named with @ in a comment (diagnostic, testimony, guide). */
  'comment_mention',
  /** A reply in a thread one wrote in. */
  'comment_reply',
  /** A comment on something one wrote (a testimony, a diagnostic section one edited, a recommendation). */
  'comment_on_your_content',
  /** A concertation session was scheduled (created with a date, or its date changed). */
  'session_scheduled',
  /** A concertation session starts within the next 24 hours. */
  'session_starting_soon',
  /** A concertation session was closed; its minutes are available. */
  'session_closed',
  /** A vote was opened where one may vote. */
  'vote_opened',
  /** A vote one may still take part in closes within the next 24 hours. */
  'vote_closing_soon',
  /** A decision was recorded in a session. */
  'decision_recorded',
  /** A recommendation (préconisation) was retained. */
  'recommendation_retained',
  /** A project one's organisation is a partner of changed stage. */
  'project_stage_changed',
  /** A milestone of a project one's organisation is a partner of is due within 7 days. */
  'milestone_due',
  /** A milestone of a project one's organisation is a partner of is past its date and not done. */
  'milestone_late',
  /** A funding line of one's organisation was added, changed or removed. */
  'funding_changed',
  /** The yearly survey (enquête) of a pole one animates is open, or still awaits its answer (reminder). */
  'survey_requested',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** How an account wants to hear of a kind: in the app only, by mail at once (and in the app), in the digest (and in the app), or not at all. */
export const NotificationChannel = z.enum(['in_app', 'mail', 'digest', 'off']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

/** Sensible defaults: what asks for someone personally comes by mail; the flow of a space's life goes to the digest. */
export const DEFAULT_NOTIFICATION_CHANNELS: Record<NotificationKind, NotificationChannel> = {
  space_joined: 'in_app',
  space_invited: 'mail',
  session_guest_added: 'mail',
  role_changed: 'mail',
  comment_mention: 'mail',
  comment_reply: 'digest',
  comment_on_your_content: 'digest',
  session_scheduled: 'digest',
  session_starting_soon: 'mail',
  session_closed: 'digest',
  vote_opened: 'mail',
  vote_closing_soon: 'mail',
  decision_recorded: 'digest',
  recommendation_retained: 'digest',
  project_stage_changed: 'digest',
  milestone_due: 'mail',
  milestone_late: 'mail',
  funding_changed: 'digest',
  survey_requested: 'mail',
};

/** How often the digest is sent, per account. */
export const DigestFrequency = z.enum(['daily', 'weekly', 'never']);
export type DigestFrequency = z.infer<typeof DigestFrequency>;

/**
 * Words that fill a notification's sentence, all plain text captured when it was created (the space's name, the
 * actor's name, the title of the thing, a short excerpt…). The web app and the mail templates word the sentence from
 * the kind in the reader's language; these values are never interpreted as HTML or Markdown.
 */
export const NotificationParams = z.record(z.string().max(80), z.string().max(500));
export type NotificationParams = z.infer<typeof NotificationParams>;

/** One notification in an account's feed. `link` is a path of the web app that leads to the exact place. */
export const NotificationView = z.object({
  id: uuid,
  kind: NotificationKind,
  spaceId: uuid.nullable(),
  spaceName: z.string().nullable(),
  link: z.string().startsWith('/'),
  params: NotificationParams,
  createdAt: z.iso.datetime({ offset: true }),
  readAt: z.iso.datetime({ offset: true }).nullable(),
});
export type NotificationView = z.infer<typeof NotificationView>;

/** A page of the feed, newest first; `nextBefore` fetches the following page. */
export const NotificationFeed = z.object({
  items: z.array(NotificationView),
  unread: z.number().int().nonnegative(),
  nextBefore: z.string().nullable(),
});
export type NotificationFeed = z.infer<typeof NotificationFeed>;

/** The feed's query: the page before a notification (its id, from `nextBefore`), newest first. */
export const NotificationFeedQuery = z.strictObject({
  before: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type NotificationFeedQuery = z.infer<typeof NotificationFeedQuery>;

export const UnreadCount = z.object({ unread: z.number().int().nonnegative() });
export type UnreadCount = z.infer<typeof UnreadCount>;

/** Marks some notifications read (`ids`) or all of them (`all: true`). */
export const MarkNotificationsRead = z.union([z.strictObject({ ids: z.array(uuid).min(1).max(500) }), z.strictObject({ all: z.literal(true) })]);
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>;

/** One preference: for a kind, everywhere (`spaceId: null`) or in one space. */
export const NotificationPreference = z.strictObject({
  kind: NotificationKind,
  spaceId: uuid.nullable(),
  channel: NotificationChannel,
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

export const NotificationPreferences = z.object({
  digest: DigestFrequency,
  preferences: z.array(NotificationPreference),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/**
 * Changes preferences: `preferences` are set (replacing the same kind and space), `reset` removes some (a space's
 * override goes back to the choice for all spaces, a choice for all spaces back to the default).
 */
export const UpdateNotificationPreferences = z.strictObject({
  digest: DigestFrequency.optional(),
  preferences: z.array(NotificationPreference).max(500).optional(),
  reset: z
    .array(z.strictObject({ kind: NotificationKind, spaceId: uuid.nullable() }))
    .max(500)
    .optional(),
});
export type UpdateNotificationPreferences = z.infer<typeof UpdateNotificationPreferences>;

/** The live notice pushed on `/events` to every socket of the recipient when a notification is created or read. */
export const NotificationNotice = z.object({ unread: z.number().int().nonnegative(), id: uuid.optional() });
export type NotificationNotice = z.infer<typeof NotificationNotice>;

/**
 * What a one-click unsubscribe link turns off without signing in: one kind (in one space, or everywhere when
 * `spaceId` is null) goes to `off`, or the digest (`kind: 'digest'`) goes to `never`.
 */
export const UnsubscribeTarget = z.object({
  kind: z.union([NotificationKind, z.literal('digest')]),
  spaceId: uuid.nullable(),
});
export type UnsubscribeTarget = z.infer<typeof UnsubscribeTarget>;
