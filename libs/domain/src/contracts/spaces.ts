import { z } from 'zod';
import { SpaceRole } from '../vocabulary/space-role.js';
import { OrganisationView } from './organisations.js';
import { PoleView } from './poles.js';
import { emailAddress, longText, nameText, uuid, visibleText } from './text.js';

/** A space is created for an existing pole (that the caller already facilitates) or a new one. */
export const CreateSpaceRequest = z.strictObject({
  title: visibleText(3, 160),
  description: longText(4000).optional(),
  pole: z.union([z.strictObject({ id: uuid }), z.strictObject({ name: visibleText(2, 160), territory: nameText(160).optional() })]),
});
export type CreateSpaceRequest = z.infer<typeof CreateSpaceRequest>;

export const UpdateSpaceRequest = z
  .strictObject({ title: visibleText(3, 160).optional(), description: longText(4000).optional() })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateSpaceRequest = z.infer<typeof UpdateSpaceRequest>;

export const SpaceSummary = z.object({
  id: uuid,
  title: z.string(),
  description: z.string(),
  pole: z.object({ id: uuid, name: z.string(), territory: z.string() }),
  myRole: SpaceRole.schema,
  memberCount: z.number(),
  createdAt: z.string(),
});
export type SpaceSummary = z.infer<typeof SpaceSummary>;

/**
 * `canEditPoleProfile`: the pole profile is shown in every space of the pole, so it is changed only by the animateurs
 * of the pole's spaces and by the contributeurs of its main space (its first space).
 */
export const SpaceView = SpaceSummary.omit({ pole: true }).extend({ pole: PoleView, canEditPoleProfile: z.boolean() });
export type SpaceView = z.infer<typeof SpaceView>;

export const MemberView = z.object({
  accountId: uuid,
  displayName: z.string(),
  email: z.string(),
  role: SpaceRole.schema,
  organisation: OrganisationView.pick({ id: true, name: true, kind: true, collectiviteLevel: true }).nullable(),
  joinedAt: z.string(),
});
export type MemberView = z.infer<typeof MemberView>;

export const UpdateMemberRoleRequest = z.strictObject({ role: SpaceRole.schema });
export type UpdateMemberRoleRequest = z.infer<typeof UpdateMemberRoleRequest>;

export const CreateInvitationRequest = z.strictObject({ email: emailAddress, role: SpaceRole.schema });
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequest>;

export const InvitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** Where the invitation's latest mail stands: waiting to be sent, sent, or not sent after its retries failed. */
export const InvitationMailStatus = z.enum(['pending', 'sent', 'failed']);
export type InvitationMailStatus = z.infer<typeof InvitationMailStatus>;

export const InvitationView = z.object({
  id: uuid,
  email: z.string(),
  role: SpaceRole.schema,
  status: InvitationStatus,
  /** Path of the invitation link (relative to the app's origin); only while pending. */
  link: z.string().nullable(),
  invitedBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** The invitation mail's status; null when no mail was queued for it. */
  mail: InvitationMailStatus.nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** What the invitee sees before accepting. */
export const InvitationPreview = z.object({
  spaceTitle: z.string(),
  poleName: z.string(),
  role: SpaceRole.schema,
  email: z.string(),
  invitedBy: z.string(),
  status: InvitationStatus,
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

/** Invitation tokens are 43 URL-safe base64 characters (32 random bytes). */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const AcceptInvitationResponse = z.object({ spaceId: uuid });
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponse>;
