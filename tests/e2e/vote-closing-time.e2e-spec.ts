import pg from 'pg';
import type { Page } from 'playwright-core';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

const SESSION = 'Séance à distance : calendrier 2027';
const VOTE = 'Quel calendrier pour 2027 ?';
const DAY = 24 * 3600_000;

/** A day and time in a time zone as a `datetime-local` value (what the animatrice types in her browser). */
function localInput(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * A vote's closing time in the browser: the animatrice (in Paris) opens a vote that closes in two days at a time she
 * types; a contributeur reading from Cayenne (UTC−3) sees the same instant in his own time, in French; once the time
 * has passed (aged in the database), his ballot is refused with « Le vote est clos. » and the vote reads « Clos ».
 */
describe('a vote closing time in the browser', () => {
  const demo = useDemoBrowser('vote-closing');
  const voteCard = (page: Page) => page.getByRole('article', { name: VOTE });

  it('is set by the animatrice, shown to voters in their time zone, and refuses ballots after it', async () => {
    const { page: a } = await demo.signIn('animatrice@demo.concerto.fr', { timezoneId: 'Europe/Paris' });
    const { page: b } = await demo.signIn('contributeur@demo.concerto.fr', { timezoneId: 'America/Cayenne' });
    const spaces = await api<{ id: string; title: string }[]>(a, 'GET', '/api/spaces');
    const spaceId = spaces.find((s) => s.title === DEMO_SPACE)!.id;
    const session = await api<{ id: string }>(a, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title: SESSION,
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      agenda: [{ title: 'Calendrier', durationMinutes: 30 }],
    });
    await api(a, 'POST', `/api/sessions/${session.id}/facilitation`, { action: 'start' });

    // Two days from now, 18:30 in Paris.
    const typed = `${localInput(new Date(Date.now() + 2 * DAY), 'Europe/Paris').slice(0, 10)}T18:30`;
    await a.goto(`${demo.server.url}/seances/${session.id}`);
    await a.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    const form = a.getByRole('form', { name: 'Ouvrir un vote' });
    await form.getByLabel('Question soumise au vote').fill(VOTE);
    // A time already past is refused before anything is sent.
    await form.getByLabel('Fermeture du vote').fill(localInput(new Date(Date.now() - DAY), 'Europe/Paris'));
    await form.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await form.getByText('Choisissez une date et une heure à venir.').waitFor();
    await form.getByLabel('Fermeture du vote').fill(typed);
    await form.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await a.getByText(`Vote « ${VOTE} » ouvert.`).waitFor();

    const [stored] = await api<{ closesAt: string }[]>(a, 'GET', `/api/sessions/${session.id}/votes`);
    expect(localInput(new Date(stored.closesAt), 'Europe/Paris')).toBe(typed);
    const inFrench = (timeZone: string) => new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short', timeZone }).format(new Date(stored.closesAt));
    expect(inFrench('Europe/Paris')).toMatch(/ à 18:30$/);
    await voteCard(a)
      .getByText(`Se ferme le ${inFrench('Europe/Paris')}`)
      .waitFor();

    await b.goto(`${demo.server.url}/seances/${session.id}`);
    await voteCard(b)
      .getByText(`Se ferme le ${inFrench('America/Cayenne')}`)
      .waitFor();
    expect(inFrench('America/Cayenne')).not.toBe(inFrench('Europe/Paris'));
    await voteCard(b).getByText('8 gommettes restantes').waitFor();
    await voteCard(b)
      .getByRole('button', { name: /^Ajouter une gommette à/ })
      .first()
      .click();
    await voteCard(b).getByText('7 gommettes restantes').waitFor();
    await demo.checkPage(b, '01-vote-avec-fermeture');

    // The closing time passes (aged in the database rather than waited for).
    const db = new pg.Client({ connectionString: demo.databaseUrl });
    await db.connect();
    try {
      await db.query(`UPDATE vote SET opened_at = now() - interval '2 hours', closes_at = now() - interval '1 minute' WHERE session_id = $1`, [session.id]);
    } finally {
      await db.end();
    }
    await voteCard(b)
      .getByRole('button', { name: /^Ajouter une gommette à/ })
      .first()
      .click();
    await voteCard(b).getByText('Le vote est clos.').waitFor();
    await b.reload();
    await voteCard(b).getByText('Clos', { exact: true }).waitFor();
    await expect(
      voteCard(b)
        .getByRole('button', { name: /^Ajouter une gommette à/ })
        .count(),
    ).resolves.toBe(0);
    await expect(
      voteCard(b)
        .getByText(/^Se ferme le/)
        .count(),
    ).resolves.toBe(0);
  });
});
