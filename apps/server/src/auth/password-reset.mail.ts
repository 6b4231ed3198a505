import { html, mailButton, mailLayout } from '../mail/mail-html.js';
import { defineMailTemplate } from '../mail/mail-template.js';

export interface PasswordResetMailData {
  displayName: string;
  /** Path of the reset page with its token. */
  link: string;
  /** Minutes the link stays valid. */
  validMinutes: number;
}

/** « Mot de passe oublié » : the single-use link to choose a new password. */
export const passwordResetMail = defineMailTemplate<PasswordResetMailData>('password_reset', (data, locale, ctx) => {
  const url = ctx.url(data.link);
  if (locale === 'fr') {
    const subject = `Réinitialiser votre mot de passe ${ctx.productName}`;
    return mailLayout(locale, ctx, {
      subject,
      heading: 'Choisir un nouveau mot de passe',
      bodyHtml: html`<p>Bonjour ${data.displayName},</p>
        <p>
          Une demande de réinitialisation du mot de passe de votre compte ${ctx.productName} a été faite. Ce lien ne sert qu’une fois et reste valable
          ${data.validMinutes} minutes.
        </p>
        ${mailButton('Choisir un nouveau mot de passe', url)}
        <p>Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.</p>`,
      bodyText: `Bonjour ${data.displayName},

Une demande de réinitialisation du mot de passe de votre compte ${ctx.productName} a été faite. Ce lien ne sert qu’une fois et reste valable ${data.validMinutes} minutes :

${url}

Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.`,
    });
  }
  const subject = `Reset your ${ctx.productName} password`;
  return mailLayout(locale, ctx, {
    subject,
    heading: 'Choose a new password',
    bodyHtml: html`<p>Hello ${data.displayName},</p>
      <p>Someone asked to reset the password of your ${ctx.productName} account. This link works once and for ${data.validMinutes} minutes.</p>
      ${mailButton('Choose a new password', url)}
      <p>If you did not ask for this, ignore this message: your password stays as it is.</p>`,
    bodyText: `Hello ${data.displayName},

Someone asked to reset the password of your ${ctx.productName} account. This link works once and for ${data.validMinutes} minutes:

${url}

If you did not ask for this, ignore this message: your password stays as it is.`,
  });
});
