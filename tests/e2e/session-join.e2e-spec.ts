import pg from 'pg';
import type { Page } from 'playwright-core';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

const SESSION = 'Atelier ouvert : nos priorités mobilité';
const VOTE = 'Quelles priorités pour 2027 ?';
const OPTIONS = [
  { key: 'covoiturage', label: 'Covoiturage' },
  { key: 'velo', label: 'Vélo' },
];

/**
 * A workshop where some people have no account: the animatrice opens joining by code on her session page (code, link,
 * QR code); three participants join on phone-sized screens with only a name, contribute and vote; the same phone
 * joining again resumes its participant (no second ballot); the animatrice removes one, whose token stops working at
 * once; a changed code makes the old link fail with a clear message.
 */
describe('joining a live session by code, on a phone, without an account', () => {
  const demo = useDemoBrowser('session-join', { viewport: { width: 390, height: 844 }, waitForNetworkIdle: false });
  const voteCard = (page: Page) => page.getByRole('article', { name: VOTE });

  const joinAs = async (link: string, name: string) => {
    const { context, page } = await demo.open();
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: `Rejoindre la séance : ${SESSION}` }).waitFor();
    await page.getByLabel('Votre nom').fill(name);
    await page.getByRole('button', { name: 'Rejoindre' }).click();
    await page.getByText(`Vous participez en tant que ${name} (participant·e sans compte).`).waitFor();
    return { context, page };
  };

  it('lets three people join, contribute and vote; one device votes once; removal and a new code shut the door', async () => {
    const { page: a } = await demo.signIn('animatrice@demo.concerto.fr');
    const spaces = await api<{ id: string; title: string }[]>(a, 'GET', '/api/spaces');
    const spaceId = spaces.find((s) => s.title === DEMO_SPACE)!.id;
    const session = await api<{ id: string }>(a, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title: SESSION,
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      agenda: [{ title: 'Idées pour la mobilité', durationMinutes: 20 }],
    });
    await api(a, 'POST', `/api/sessions/${session.id}/facilitation`, { action: 'start' });
    const vote = await api<{ id: string }>(a, 'POST', `/api/sessions/${session.id}/votes`, {
      kind: 'dot',
      title: VOTE,
      options: OPTIONS,
      dotsPerParticipant: 2,
    });

    await a.goto(`${demo.server.url}/seances/${session.id}`);
    await a.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    await a.getByRole('button', { name: 'Ouvrir l’accès par code' }).click();
    const code = (await a.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await a
      .getByRole('img', { name: `QR code du lien pour rejoindre la séance avec le code ${code}` })
      .locator('svg')
      .waitFor();
    const link = `${demo.server.url}/rejoindre/${code}`;
    await a.getByRole('link', { name: link }).waitFor();

    const names = ['Aïcha (Mairie de Grasse)', 'Bruno', 'Chloé'];
    const phones: Page[] = [];
    for (const name of names) phones.push((await joinAs(link, name)).page);
    await demo.checkPage(phones[0]!, '01-participant');

    // Each contributes to the current item; the animatrice's board shows it live.
    for (const [i, phone] of phones.entries()) {
      await phone.getByLabel('Votre contribution').fill(`Idée n° ${i + 1} : une navette le samedi`);
      await phone.getByRole('button', { name: 'Publier' }).click();
      await phone.getByText('Contribution envoyée.').waitFor();
      await phone
        .getByRole('listitem')
        .filter({ hasText: `Idée n° ${i + 1} : une navette le samedi` })
        .waitFor();
      await a.getByText(`Idée n° ${i + 1} : une navette le samedi`, { exact: true }).waitFor();
    }
    for (const name of names) await a.getByText(name, { exact: true }).first().waitFor();

    // Each votes one dot.
    for (const phone of phones) {
      await voteCard(phone).getByText('2 gommettes restantes').waitFor();
      await voteCard(phone).getByRole('button', { name: 'Ajouter une gommette à « Vélo »' }).click();
      await voteCard(phone).getByText('1 gommette restante').waitFor();
    }

    // The first phone opens the link again: it continues as the same participant, with the same ballot.
    const again = await phones[0]!.context().newPage();
    await again.goto(link);
    await again.getByRole('button', { name: `Continuer en tant que ${names[0]}` }).click();
    await voteCard(again).getByText('1 gommette restante').waitFor();
    await voteCard(again).getByRole('button', { name: 'Ajouter une gommette à « Vélo »' }).click();
    await voteCard(again).getByText('Plus aucune gommette restante').waitFor();
    const db = new pg.Client({ connectionString: demo.databaseUrl });
    await db.connect();
    try {
      const ballots = await db.query(`SELECT count(*)::int AS n, sum(dots_used)::int AS dots FROM vote_ballot WHERE vote_id = $1`, [vote.id]);
      expect(ballots.rows[0]).toEqual({ n: 3, dots: 4 });
      const participants = await db.query(`SELECT count(*)::int AS n FROM session_join_participant WHERE session_id = $1`, [session.id]);
      expect(participants.rows[0].n).toBe(3);
    } finally {
      await db.end();
    }

    // The animatrice removes Chloé: her token stops working at once, and her phone cannot come back.
    await a.getByRole('button', { name: `Retirer ${names[2]}` }).click();
    await a.getByText(`${names[2]} ne fait plus partie de la séance.`).waitFor();
    await expect(api(phones[2]!, 'GET', `/api/sessions/${session.id}`)).rejects.toThrow(/401/);
    await phones[2]!.goto(link);
    await phones[2]!.getByLabel('Votre nom').fill(names[2]!);
    await phones[2]!.getByRole('button', { name: 'Rejoindre' }).click();
    await phones[2]!
      .getByText('L’animateur·rice vous a retiré·e de cette séance.')
      .or(phones[2]!.getByText("L'animateur·rice vous a retiré·e de cette séance."))
      .first()
      .waitFor();

    // A new code: the old link now says clearly that it no longer opens the session.
    await a.getByRole('button', { name: 'Changer le code' }).click();
    await a.getByText(/^Nouveau code : [A-HJ-NP-Z2-9]{6}\. L’ancien lien ne fonctionne plus\.$/).waitFor();
    const { page: late } = await demo.open();
    await late.goto(link);
    await late.getByRole('heading', { level: 1, name: 'Code non valide' }).waitFor();
    await late.getByText(/Ce code ne permet pas \(ou plus\) de rejoindre une séance/).waitFor();
    await demo.checkPage(late, '02-ancien-code');
  });
});
