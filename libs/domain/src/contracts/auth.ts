import { z } from 'zod';
import { LOCALES } from '../vocabulary/vocabulary.js';
import { emailAddress, uuid, visibleText } from './text.js';

export const PASSWORD_MIN_LENGTH = 10;

export const SignUpRequest = z.strictObject({
  email: emailAddress,
  password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
  displayName: visibleText(2, 120),
  organisationId: uuid.optional(),
  locale: z.enum(LOCALES).optional(),
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

export const SignInRequest = z.strictObject({
  email: emailAddress,
  password: z.string().min(1).max(200),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** « Mot de passe oublié » : the answer is the same whether or not an account has this address. */
export const PasswordResetRequest = z.strictObject({ email: emailAddress });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>;

/** Reset tokens are 43 URL-safe base64 characters (32 random bytes); only their SHA-256 is stored. */
export const PasswordResetToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const PasswordResetConfirm = z.strictObject({
  token: z.string().max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(200),
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirm>;

export const UpdateMeRequest = z
  .strictObject({
    displayName: visibleText(2, 120).optional(),
    organisationId: uuid.nullable().optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateMeRequest = z.infer<typeof UpdateMeRequest>;

export const AccountView = z.object({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(LOCALES),
  organisation: z.object({ id: uuid, name: z.string(), kind: z.string() }).nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

/** Who is signed in, asked by every page at load: `account` is null for a visitor (a 200 either way, no error logged). */
export const SignedInView = z.object({ account: AccountView.nullable() });
export type SignedInView = z.infer<typeof SignedInView>;
