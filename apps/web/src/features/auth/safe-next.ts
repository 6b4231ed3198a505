/** Where to go after signing in: only a path of this app, never another site (`//evil.example`). */
export function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

/** True when the person arrives from an invitation link. */
export function isInvitationPath(path: string): boolean {
  return path.startsWith('/invitations/');
}

/** Query string carrying `next` (and optionally `email`) between the sign-in and sign-up pages. */
export function authSearch(next: string, email?: string | null): string {
  const params = new URLSearchParams();
  if (next !== '/') params.set('next', next);
  if (email) params.set('email', email);
  const search = params.toString();
  return search ? `?${search}` : '';
}
