import { z } from 'zod';
import { SessionStatus } from '../vocabulary/session.js';
import { uuid, visibleText } from './text.js';

/**
 * Joining a live session without an account: a short code (6 characters from an alphabet without 0/O/1/I), shown
 * with a QR code by the animateur; a participant types a display name (and optionally an organisation) and becomes a
 * contributeur of that session only.
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const JoinCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{6}$/, 'Six characters without 0, O, 1 or I'));

/** The path a participant opens (the QR code holds the absolute URL). */
export const joinPath = (code: string) => `/rejoindre/${code}`;

/** The session's join code as the animateur sees it (null: joining by code is closed). */
export const JoinCodeView = z.object({ code: z.string().nullable() });
export type JoinCodeView = z.infer<typeof JoinCodeView>;

/** What a code opens, before joining: enough to recognise the session, nothing of its space. */
export const JoinPreview = z.object({
  sessionTitle: z.string(),
  status: SessionStatus.schema,
  /** When this device already joined (and was not removed): its display name, the join resumes it. */
  resumeAs: z.string().nullable(),
});
export type JoinPreview = z.infer<typeof JoinPreview>;

export const JoinRequest = z.strictObject({
  displayName: visibleText(2, 80),
  organisation: visibleText(1, 120).optional(),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

/** The participant's identity for this session (its token is the httpOnly cookie set with this answer). */
export const JoinedView = z.object({
  sessionId: uuid,
  accountId: uuid,
  displayName: z.string(),
  organisation: z.string().nullable(),
  /** true when this device had already joined: the same participant goes on (no second ballot). */
  resumed: z.boolean(),
});
export type JoinedView = z.infer<typeof JoinedView>;
