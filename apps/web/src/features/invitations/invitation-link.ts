/** The full address of an invitation from the path the API gives (`/invitations/<token>`). */
export function invitationUrl(link: string): string {
  return new URL(link, window.location.origin).toString();
}
