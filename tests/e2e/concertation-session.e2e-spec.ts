import type { Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';
const SESSION = 'Séance de priorisation des leviers';
const NOTE_B = 'Une ressourcerie partagée entre les trois communes';
const NOTE_C = 'Quel budget la Région peut-elle engager en 2027 ?';
const VOTE = 'Quels leviers prioriser cette année ?';
const DECISION = 'Lancer une étude de faisabilité de la ressourcerie avant l’été';
const LEVER_1 = "Faire œuvre de pédagogie sur l'ESS";
const LEVER_4 = 'Développer les coopérations inter-collectivités';

/**
 * A live concertation session in three browsers (demo seed): the animatrice prepares a session with two agenda items
 * and starts it; two contributeurs post notes that appear on all three screens; she opens a dot vote on the 8 levers,
 * both vote and the results appear live; she records a decision and closes the session; the minutes list the notes,
 * the results and the decision. axe-core runs on the sessions list, the live page and the minutes.
 */
describe('live concertation session in the browser', () => {
  const demo = useDemoBrowser('session');
  const signIn = async (email: string) => (await demo.signIn(email)).page;
  const checkPage = demo.checkPage;

  const note = (page: Page, text: string) => page.locator('.note').filter({ hasText: text });
  const voteCard = (page: Page) => page.getByRole('article', { name: VOTE });

  /** Adds one dot and waits for the ballot to say how many are left. */
  async function addDot(page: Page, lever: string, left: number): Promise<void> {
    await voteCard(page)
      .getByRole('button', { name: `Ajouter une gommette à « ${lever} »` })
      .click();
    await voteCard(page).getByText(`${left} gommettes restantes`).waitFor();
  }

  it('runs a session from preparation to minutes, live on every screen', async () => {
    const [a, b, c] = await Promise.all(['animatrice', 'contributeur', 'elu'].map((name) => signIn(`${name}@demo.concerto.fr`)));

    // The animatrice prepares the session from the space's "Séances" tab.
    await a.getByRole('link', { name: SPACE }).first().click();
    await a.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Séances' }).click();
    await a.getByRole('heading', { level: 2, name: 'Séances' }).waitFor();
    // The demo space already held a session: it is listed with its minutes.
    await a.getByRole('link', { name: 'Comité de concertation — priorités de l’année', exact: true }).waitFor();
    await checkPage(a, '01-liste');
    const form = a.getByRole('form', { name: 'Préparer une séance' });
    await form.getByLabel('Titre de la séance').fill(SESSION);
    await form.getByLabel('Date et heure').fill('2026-06-15T14:30');
    await form.getByLabel('Lieu').fill('Maison de l’économie, Grasse');
    await form.getByLabel('Intitulé du point 1').fill('Tour de table des besoins');
    await form.getByLabel('Durée du point 1 (minutes)').fill('10');
    await form.getByRole('button', { name: 'Ajouter un point' }).click();
    await form.getByLabel('Intitulé du point 2').fill('Priorités du territoire');
    await form.getByLabel('Durée du point 2 (minutes)').fill('20');
    await form.getByLabel('Levier du point 2').selectOption('pedagogy');
    await form.getByRole('button', { name: 'Créer la séance' }).click();
    await a.waitForURL(/\/seances\/[0-9a-f-]{36}$/);
    const sessionUrl = a.url();
    await a.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    // Before starting, she moves it to another place through "Modifier la séance".
    await a.getByRole('button', { name: 'Modifier la séance' }).click();
    const edit = a.getByRole('form', { name: 'Modifier la séance' });
    await edit.getByLabel('Lieu').fill('Médiathèque de Grasse');
    await edit.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await a.getByText('Séance modifiée.').waitFor();
    await a.locator('.session-header').getByText('Médiathèque de Grasse').waitFor();
    await a.getByRole('button', { name: 'Démarrer la séance' }).click();
    await a.getByText('Séance démarrée.').waitFor();
    await a.getByRole('timer').waitFor();

    // Both contributeurs open the live page; each posts a note that reaches all three screens.
    for (const page of [b, c]) {
      await page.goto(sessionUrl);
      await page.getByRole('heading', { level: 1, name: SESSION }).waitFor();
      await page.getByLabel('Votre contribution').waitFor();
    }
    await b.getByLabel('Votre contribution').fill(NOTE_B);
    await b.getByRole('button', { name: 'Publier' }).click();
    await c.getByLabel('Votre contribution').fill(NOTE_C);
    await c.getByLabel('Catégorie').selectOption('question');
    await c.getByRole('button', { name: 'Publier' }).click();
    for (const page of [a, b, c]) {
      await note(page, NOTE_B).waitFor({ timeout: 10_000 });
      await note(page, NOTE_C).waitFor({ timeout: 10_000 });
    }
    await expect(note(a, NOTE_C).getByText('Question', { exact: true }).count()).resolves.toBe(1);
    // The animatrice sees both contributeurs present.
    await a.getByText('3 présent·es sur').waitFor({ timeout: 10_000 });

    // A dot vote on the 8 levers, results shown live.
    await a.getByLabel('Question soumise au vote').fill(VOTE);
    await a.getByRole('button', { name: 'Ouvrir le vote', exact: true }).click();
    await a.getByText(`Vote « ${VOTE} » ouvert.`).waitFor();
    for (const page of [b, c]) await voteCard(page).getByText('8 gommettes restantes').waitFor({ timeout: 10_000 });
    await addDot(b, LEVER_1, 7);
    await addDot(b, LEVER_1, 6);
    await addDot(b, LEVER_1, 5);
    await addDot(c, LEVER_1, 7);
    await addDot(c, LEVER_4, 6);
    const results = (page: Page) => page.getByRole('figure', { name: `Résultats : ${VOTE} — 2 votant·es` });
    for (const page of [a, b, c]) await results(page).getByText('4 gommettes', { exact: true }).waitFor({ timeout: 10_000 });
    // The last dot may land after the others: wait for it rather than count at once.
    await results(a).getByText('1 gommette', { exact: true }).waitFor({ timeout: 10_000 });
    await checkPage(b, '02-seance-contributeur');

    // A decision, then closing: the minutes list the notes, the results and the decision.
    await a.getByLabel('Décision', { exact: true }).fill(DECISION);
    await a.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await a.getByText('Décision enregistrée.').waitFor();
    await c.getByText(DECISION).waitFor({ timeout: 10_000 });
    await checkPage(a, '03-seance-animatrice');
    await a.getByRole('button', { name: 'Clôturer la séance' }).click();
    await a.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await a.waitForURL(/\/compte-rendu$/);
    await a.getByRole('heading', { level: 1, name: `Compte-rendu : ${SESSION}` }).waitFor();
    for (const text of [NOTE_B, NOTE_C, DECISION]) await a.getByText(text).first().waitFor();
    await a
      .getByRole('figure', { name: `Résultats : ${VOTE} — 2 votant·es` })
      .getByText('4 gommettes', { exact: true })
      .waitFor();
    await a.getByRole('link', { name: 'Télécharger en Markdown' }).waitFor();
    await checkPage(a, '04-compte-rendu');

    // The contributeurs' pages follow the close without reload.
    await b.getByText('Cette séance est clôturée. Son compte-rendu est disponible.').waitFor({ timeout: 10_000 });
    process.stdout.write('session prepared, run live on three screens, voted, decided, closed; minutes checked\n');
  });
});
