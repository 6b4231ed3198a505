import { z } from 'zod';
import { uuid } from './text.js';

/** Socket.io namespace that pushes change notices to the clients of a space. */
export const EVENTS_NAMESPACE = '/events';

export const EventsClientEvent = { join: 'space:join', leave: 'space:leave', joinSession: 'session:join', leaveSession: 'session:leave' } as const;
export const EventsServerEvent = { change: 'change', revoked: 'space:revoked', error: 'error' } as const;
/**
 * The live notice of a notification (`NotificationNotice`, contracts/notifications.ts), pushed on `/events` to every
 * socket of the recipient. Named here, with the other events, so that the app's first page does not carry the
 * notification contracts (zod schemas are kept by the bundler wherever their module is imported).
 */
export const NOTIFICATION_EVENT = 'notification';

export const JoinSpaceMessage = z.strictObject({ spaceId: uuid });
export type JoinSpaceMessage = z.infer<typeof JoinSpaceMessage>;

export const JoinSessionMessage = z.strictObject({ sessionId: uuid });
export type JoinSessionMessage = z.infer<typeof JoinSessionMessage>;

export const ChangedEntity = z.enum([
  'space',
  'pole',
  'member',
  'invitation',
  'organisation',
  'project',
  'funding_line',
  'relation',
  'session',
  'vote',
  'decision',
  'diagnostic_section',
  'comment',
  'diagnostic_version',
  'testimony',
  'recommendation',
  'analysis',
  /** The guide d'appui's text changed (its document or an analysis it embeds), or it was published or withdrawn. */
  'guide',
  'guide_version',
  /** A yearly survey campaign (opened, a pole's answer saved or submitted, reminders sent). */
  'survey',
]);
export type ChangedEntity = z.infer<typeof ChangedEntity>;

export const ChangeOp = z.enum(['created', 'updated', 'deleted']);
export type ChangeOp = z.infer<typeof ChangeOp>;

/** `{entity, id, op}` notice sent to a space's room whenever something in the space changes. */
export const ChangeNotice = z.object({ spaceId: uuid, entity: ChangedEntity, id: z.string(), op: ChangeOp });
export type ChangeNotice = z.infer<typeof ChangeNotice>;

export const JoinAck = z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), code: z.string(), message: z.string() })]);
export type JoinAck = z.infer<typeof JoinAck>;
