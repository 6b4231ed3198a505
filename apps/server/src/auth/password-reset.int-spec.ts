import { createHash } from 'node:crypto';
import { ApiClient } from '../../testing/api-client.js';
import { startSmtpCatcher, type SmtpCatcher } from '../../testing/smtp-catcher.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';

const PASSWORD = 'un mot de passe solide';
const NEW_PASSWORD = 'un tout nouveau mot de passe';

describe('password reset (real PostgreSQL, real loopback SMTP server)', () => {
  let smtp: SmtpCatcher;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    t = await startTestApp({ SMTP_URL: smtp.url, MAIL_POLL_MS: '100', SIGNIN_MAX_FAILURES_PER_ACCOUNT: '3' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const resetLinkOf = async (email: string) => {
    const mail = await smtp.waitFor(email);
    const match = String(mail.parsed.text).match(/http:\/\/\S+\/nouveau-mot-de-passe\/([A-Za-z0-9_-]{43})/);
    if (!match) throw new Error(`no reset link in ${mail.parsed.text}`);
    return { mail, url: match[0], token: match[1] };
  };

  it('answers the same whether or not the address has an account, and mails a single-use link to an account', async () => {
    const owner = new ApiClient(t.url);
    await owner.signUp({ email: 'lea@exemple.fr', displayName: 'Léa <i>Martin</i>' });
    const known = await new ApiClient(t.url).post('/api/auth/password-reset/request', { email: 'lea@exemple.fr' });
    const unknown = await new ApiClient(t.url).post('/api/auth/password-reset/request', { email: 'personne@exemple.fr' });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    const { mail, url, token } = await resetLinkOf('lea@exemple.fr');
    expect(url).toBe(`${t.config.publicUrl}/nouveau-mot-de-passe/${token}`);
    expect(mail.parsed.subject).toBe('Réinitialiser votre mot de passe Concerto');
    expect(String(mail.parsed.html)).toContain('Léa &lt;i&gt;Martin&lt;/i&gt;');
    // Only the token's hash is stored.
    const rows: { token_hash: Buffer }[] = await t.dataSource.query(`SELECT token_hash FROM password_reset`);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash.toString('hex')).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await t.dataSource.query(`SELECT * FROM password_reset`))).not.toContain(token);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.some((m) => m.envelopeTo.includes('personne@exemple.fr'))).toBe(false);
  });

  it('sets the new password, revokes every sign-in session, and refuses the link a second time', async () => {
    const first = new ApiClient(t.url);
    await first.signUp({ email: 'sami@exemple.fr', password: PASSWORD });
    const second = new ApiClient(t.url);
    expect((await second.post('/api/auth/sign-in', { email: 'sami@exemple.fr', password: PASSWORD })).status).toBe(200);
    await new ApiClient(t.url).post('/api/auth/password-reset/request', { email: 'sami@exemple.fr' });
    const { token } = await resetLinkOf('sami@exemple.fr');

    const anonymous = new ApiClient(t.url);
    expect((await anonymous.get(`/api/auth/password-reset/${token}`)).status).toBe(204);
    const tooShort = await anonymous.post('/api/auth/password-reset', { token, password: 'court' });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.issues[0].path).toBe('password');

    expect((await anonymous.post('/api/auth/password-reset', { token, password: NEW_PASSWORD })).status).toBe(204);
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await second.get('/api/auth/me')).status).toBe(401);
    expect((await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'sami@exemple.fr', password: PASSWORD })).status).toBe(401);
    expect((await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'sami@exemple.fr', password: NEW_PASSWORD })).status).toBe(200);

    const reused = await anonymous.post('/api/auth/password-reset', { token, password: 'encore un autre mot de passe' });
    expect(reused.status).toBe(410);
    expect(reused.body).toMatchObject({ code: 'reset_link_used', message: 'Ce lien de réinitialisation a déjà servi. Demandez-en un nouveau si besoin.' });
    expect((await anonymous.get(`/api/auth/password-reset/${token}`)).body.code).toBe('reset_link_used');
  });

  it('refuses an expired link and an unknown one with their own messages, and a reset uses up older links', async () => {
    const owner = new ApiClient(t.url);
    await owner.signUp({ email: 'yanis@exemple.fr', password: PASSWORD });
    await new ApiClient(t.url).post('/api/auth/password-reset/request', { email: 'yanis@exemple.fr' });
    const { token } = await resetLinkOf('yanis@exemple.fr');
    await t.dataSource.query(`UPDATE password_reset SET expires_at = now() - interval '1 minute' WHERE token_hash = decode($1, 'hex')`, [
      createHash('sha256').update(token).digest('hex'),
    ]);
    const expired = await new ApiClient(t.url).post('/api/auth/password-reset', { token, password: NEW_PASSWORD });
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'reset_link_expired', message: 'Ce lien de réinitialisation a expiré. Demandez-en un nouveau.' });
    const english = await new ApiClient(t.url).request('POST', '/api/auth/password-reset', { token, password: NEW_PASSWORD }, { 'accept-language': 'en' });
    expect(english.body.message).toBe('This reset link has expired. Ask for a new one.');
    expect((await new ApiClient(t.url).post('/api/auth/sign-in', { email: 'yanis@exemple.fr', password: PASSWORD })).status).toBe(200);

    const unknown = await new ApiClient(t.url).post('/api/auth/password-reset', { token: 'x'.repeat(43), password: NEW_PASSWORD });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('reset_link_invalid');
    expect((await new ApiClient(t.url).post('/api/auth/password-reset', { token: 'pas un jeton', password: NEW_PASSWORD })).body.code).toBe(
      'reset_link_invalid',
    );

    // Two links asked for; the newer one is used; the older one no longer works.
    smtp.mails.length = 0;
    await new ApiClient(t.url).post('/api/auth/password-reset/request', { email: 'yanis@exemple.fr' });
    const older = (await resetLinkOf('yanis@exemple.fr')).token;
    smtp.mails.length = 0;
    await new ApiClient(t.url).post('/api/auth/password-reset/request', { email: 'yanis@exemple.fr' });
    const newer = (await resetLinkOf('yanis@exemple.fr')).token;
    expect(newer).not.toBe(older);
    expect((await new ApiClient(t.url).post('/api/auth/password-reset', { token: newer, password: NEW_PASSWORD })).status).toBe(204);
    expect((await new ApiClient(t.url).post('/api/auth/password-reset', { token: older, password: PASSWORD })).body.code).toBe('reset_link_used');
  });

  it('limits requests like sign-in, with the same answer for an unknown address', async () => {
    const client = new ApiClient(t.url);
    for (const email of ['limit@exemple.fr', 'nobody-limit@exemple.fr']) {
      for (let i = 0; i < 3; i += 1) expect((await client.post('/api/auth/password-reset/request', { email })).status).toBe(202);
      const blocked = await client.post('/api/auth/password-reset/request', { email });
      expect(blocked.status).toBe(429);
      expect(blocked.body.code).toBe('too_many_attempts');
    }
    expect((await client.post('/api/auth/password-reset/request', { email: 'pas une adresse' })).status).toBe(400);
  });
});
