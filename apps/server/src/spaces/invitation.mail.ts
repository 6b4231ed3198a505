import { type SpaceRole, labelOf, SpaceRole as SpaceRoles } from '@concerto/domain';
import { html, mailButton, mailLayout } from '../mail/mail-html.js';
import { defineMailTemplate } from '../mail/mail-template.js';

export interface InvitationMailData {
  /** Who invited (display name, user text). */
  inviterName: string;
  spaceTitle: string;
  poleName: string;
  role: SpaceRole;
  /** Path of the invitation link in the web app. */
  link: string;
  expiresAt: Date;
}

/** The invitation to a space: who invites, to which space and pole, with which role, and the link (until when). */
export const invitationMail = defineMailTemplate<InvitationMailData>('invitation', (data, locale, ctx) => {
  const url = ctx.url(data.link);
  const role = labelOf(SpaceRoles, data.role, locale);
  const until = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(data.expiresAt);
  if (locale === 'fr') {
    const subject = `${data.inviterName} vous invite dans l’espace « ${data.spaceTitle} » sur ${ctx.productName}`;
    return mailLayout(locale, ctx, {
      subject,
      heading: `Invitation dans l’espace « ${data.spaceTitle} »`,
      bodyHtml: html`<p>Bonjour,</p>
        <p>
          <strong>${data.inviterName}</strong> vous invite à rejoindre l’espace de concertation <strong>${data.spaceTitle}</strong> (pôle ${data.poleName}) sur
          ${ctx.productName}, avec le rôle <strong>${role}</strong>.
        </p>
        ${mailButton('Voir l’invitation', url)}
        <p>Ce lien est valable jusqu’au ${until}. Si vous n’attendiez pas cette invitation, ignorez ce message.</p>`,
      bodyText: `Bonjour,

${data.inviterName} vous invite à rejoindre l’espace de concertation « ${data.spaceTitle} » (pôle ${data.poleName}) sur ${ctx.productName}, avec le rôle ${role}.

Voir l’invitation : ${url}

Ce lien est valable jusqu’au ${until}. Si vous n’attendiez pas cette invitation, ignorez ce message.`,
    });
  }
  const subject = `${data.inviterName} invites you to the space “${data.spaceTitle}” on ${ctx.productName}`;
  return mailLayout(locale, ctx, {
    subject,
    heading: `Invitation to the space “${data.spaceTitle}”`,
    bodyHtml: html`<p>Hello,</p>
      <p>
        <strong>${data.inviterName}</strong> invites you to join the concertation space <strong>${data.spaceTitle}</strong> (pole ${data.poleName}) on
        ${ctx.productName}, as <strong>${role}</strong>.
      </p>
      ${mailButton('See the invitation', url)}
      <p>This link is valid until ${until}. If you did not expect this invitation, ignore this message.</p>`,
    bodyText: `Hello,

${data.inviterName} invites you to join the concertation space “${data.spaceTitle}” (pole ${data.poleName}) on ${ctx.productName}, as ${role}.

See the invitation: ${url}

This link is valid until ${until}. If you did not expect this invitation, ignore this message.`,
  });
});
