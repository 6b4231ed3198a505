import pg from 'pg';
import type { Locator, Page } from 'playwright-core';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';
import { seriousAccessibilityViolations } from '../support/browser.js';

const SESSION = 'Atelier mobilités solidaires';
const ITEM = 'Mobilités du quotidien';
const GROUP = 'Transport à la demande';
const NOTE_DRAGGED = 'Un minibus partagé pour les hameaux';
const NOTE_KEYBOARD = 'Des horaires calés sur ceux du marché';
const ADOPTED = 'Lancer une ligne de covoiturage solidaire';
const BLOCKED = 'Supprimer la navette du marché';
const OBJECTION = 'Les habitants sans voiture perdraient leur seul transport';

/** Drags with real mouse events (press, moves in steps, release) from one element's centre to another's. */
async function dragWithMouse(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 10);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 12, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/**
 * The room's screen and the outcome of decisions (demo seed): the projection view, outside the app's layout, shows the
 * current item, its big timer, the contributions grouped, the votes' results and outcomes live, and signals when time
 * is up (seen, and heard unless muted); the animatrice drags a contribution into a group with the mouse and moves
 * another with the keyboard; an adopted consent vote becomes a decision in one action on its own agenda item, then a
 * project linked both ways; a blocked consent lists its objection. axe-core runs on the projection view.
 */
describe('the projection view and decisions in the browser', () => {
  const demo = useDemoBrowser('projection', { viewport: { width: 1600, height: 1000 }, waitForNetworkIdle: false });
  let db: pg.Client;
  beforeAll(async () => {
    db = new pg.Client({ connectionString: demo.databaseUrl });
    // The suite's database is dropped when it ends, which may end this connection first.
    db.on('error', () => undefined);
    await db.connect();
  });

  it('shows the room the live session, moves contributions, and turns an adopted consent into a decision and a project', async () => {
    const { page: a } = await demo.signIn('animatrice@demo.concerto.fr');
    const { page: b } = await demo.signIn('contributeur@demo.concerto.fr');
    const { page: wall } = await demo.signIn('animatrice@demo.concerto.fr');
    const spaces = await api<{ id: string; title: string }[]>(a, 'GET', '/api/spaces');
    const spaceId = spaces.find((s) => s.title === DEMO_SPACE)!.id;
    const session = await api<{ id: string; agenda: { id: string }[] }>(a, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title: SESSION,
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      agenda: [
        { title: 'Accueil', durationMinutes: 5 },
        { title: ITEM, durationMinutes: 20 },
      ],
    });
    const sessionPath = `/api/sessions/${session.id}`;
    const itemId = session.agenda[1].id;
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'start' });
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'goto', itemId });
    const joinCode = await api<{ code: string }>(a, 'POST', `${sessionPath}/join-code`);

    // The wall: no application header, navigation or footer; the current item and its timer.
    await wall.goto(`${demo.server.url}/seances/${session.id}/projection`);
    await wall.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    await wall.getByRole('heading', { level: 2, name: `Point en cours : ${ITEM}` }).waitFor();
    await wall.getByRole('timer').waitFor();
    expect(await wall.locator('.site-header, .site-footer').count()).toBe(0);
    expect(await wall.getByRole('navigation').count()).toBe(0);
    // The join code, for people in the room to join from their phone.
    await wall.getByTestId('join-code').getByText(joinCode.code, { exact: true }).waitFor({ timeout: 10_000 });
    // A first click on the page lets it play sound later (browsers require an interaction).
    await wall.getByRole('heading', { level: 1, name: SESSION }).click();

    // Two contributions, a group; one dragged in with the mouse, the other moved with the keyboard.
    await b.goto(`${demo.server.url}/seances/${session.id}`);
    for (const text of [NOTE_DRAGGED, NOTE_KEYBOARD]) {
      await b.getByLabel('Votre contribution').fill(text);
      await b.getByRole('button', { name: 'Publier' }).click();
      await b.locator('.note').filter({ hasText: text }).waitFor({ timeout: 10_000 });
    }
    await a.goto(`${demo.server.url}/seances/${session.id}`);
    await a.getByRole('heading', { level: 1, name: SESSION }).waitFor();
    await a.getByLabel('Titre du nouveau regroupement').fill(GROUP);
    await a.getByRole('button', { name: 'Créer le regroupement' }).click();
    const group = (page: Page) => page.getByRole('region', { name: GROUP, exact: true });
    await group(a).waitFor({ timeout: 10_000 });
    const dragged = a.locator('.note').filter({ hasText: NOTE_DRAGGED });
    await dragged.waitFor({ timeout: 10_000 });
    await dragWithMouse(a, dragged.locator('.note__text'), group(a));
    await group(a).locator('.note').filter({ hasText: NOTE_DRAGGED }).waitFor({ timeout: 10_000 });
    const select = a.getByLabel(`Regroupement de la contribution « ${NOTE_KEYBOARD} »`);
    await select.focus();
    await a.keyboard.press('ArrowDown');
    await group(a).locator('.note').filter({ hasText: NOTE_KEYBOARD }).waitFor({ timeout: 10_000 });
    // The wall shows both in the group, live.
    for (const text of [NOTE_DRAGGED, NOTE_KEYBOARD]) await group(wall).locator('.note').filter({ hasText: text }).waitFor({ timeout: 10_000 });

    // A consent vote with no objection: results live on the wall, adopted once closed.
    const adopted = await api<{ id: string }>(a, 'POST', `${sessionPath}/votes`, { kind: 'consent', title: ADOPTED, agendaItemId: itemId });
    await api(b, 'PUT', `${sessionPath}/votes/${adopted.id}/ballot`, { kind: 'consent', answer: 'agree', reason: '' });
    await wall.getByRole('figure', { name: `Résultats : ${ADOPTED} — 1 votant·e` }).waitFor({ timeout: 10_000 });
    await api(a, 'POST', `${sessionPath}/votes/${adopted.id}/close`, {});
    await wall.locator(`[data-vote-id="${adopted.id}"]`).getByText('Proposition adoptée (aucune objection)').waitFor({ timeout: 10_000 });

    // Time is up: pause, age the item in the database, resume; the wall shows it, and sounds (not muted).
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'pause' });
    await db.query(`UPDATE agenda_item SET elapsed_ms = duration_minutes * 60000 + 5000 WHERE id = $1`, [itemId]);
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'resume' });
    await wall.getByRole('alert').getByText(`Temps écoulé pour « ${ITEM} »`).waitFor({ timeout: 10_000 });
    await wall.locator('main.projection[data-tones="1"]').waitFor({ timeout: 10_000 });
    const violations = await seriousAccessibilityViolations(wall);
    expect(violations).toEqual([]);
    await wall.screenshot({ path: `${process.cwd()}/../test-artifacts/e2e/projection-01-mur.png` }).catch(() => undefined);
    // Muted: extended then out of time again, the wall shows it but stays silent.
    await wall.getByRole('button', { name: 'Signal sonore activé' }).click();
    await wall.getByRole('button', { name: 'Signal sonore coupé', pressed: true }).waitFor();
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'extend', minutes: 1 });
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'pause' });
    await db.query(`UPDATE agenda_item SET elapsed_ms = duration_minutes * 60000 + extra_ms + 5000 WHERE id = $1`, [itemId]);
    await api(a, 'POST', `${sessionPath}/facilitation`, { action: 'resume' });
    await wall.getByRole('alert').getByText(`Temps écoulé pour « ${ITEM} »`).waitFor({ timeout: 10_000 });
    expect(await wall.locator('main.projection').getAttribute('data-tones')).toBe('1');

    // The adopted proposal becomes a decision in one action, on its agenda item; then a project linked both ways.
    const card = a.getByRole('article', { name: ADOPTED });
    await card.getByText('Proposition adoptée (aucune objection)').waitFor({ timeout: 10_000 });
    await card.getByRole('button', { name: `Enregistrer « ${ADOPTED} » comme décision` }).click();
    await card.getByRole('link', { name: 'Décision enregistrée' }).waitFor();
    const decision = a.locator('.decision').filter({ hasText: ADOPTED });
    await decision.locator('.decision__item').getByText(ITEM, { exact: true }).waitFor();
    await decision.getByRole('button', { name: `Créer un projet partagé à partir de la décision « ${ADOPTED} »` }).click();
    await decision.getByRole('link', { name: 'Voir le projet partagé' }).click();
    await a.waitForURL(/\/projets\/[0-9a-f-]{36}$/);
    await a.getByRole('heading', { level: 2, name: ADOPTED }).waitFor();
    await a
      .locator('.project-origin')
      .getByRole('link', { name: `« ${SESSION} »` })
      .waitFor();
    await a
      .locator('.project-origin')
      .getByRole('link', { name: `« ${ADOPTED} »` })
      .click();
    await a.waitForURL(new RegExp(`/seances/${session.id}#decision-`));
    await a.locator('.decision').filter({ hasText: ADOPTED }).getByRole('link', { name: 'Voir le projet partagé' }).waitFor();

    // A consent vote with one objection is blocked, its objection listed, and cannot become a decision.
    const blocked = await api<{ id: string }>(a, 'POST', `${sessionPath}/votes`, { kind: 'consent', title: BLOCKED, agendaItemId: itemId });
    await api(b, 'PUT', `${sessionPath}/votes/${blocked.id}/ballot`, { kind: 'consent', answer: 'objection', reason: OBJECTION });
    await api(a, 'POST', `${sessionPath}/votes/${blocked.id}/close`, {});
    const blockedCard = a.getByRole('article', { name: BLOCKED });
    await blockedCard.getByText('Proposition bloquée : 1 objection').waitFor({ timeout: 10_000 });
    await blockedCard.getByText(OBJECTION).waitFor();
    expect(await blockedCard.getByRole('button', { name: /comme décision/ }).count()).toBe(0);
    await wall.locator(`[data-vote-id="${blocked.id}"]`).getByText(OBJECTION).waitFor({ timeout: 10_000 });
    await db.end();
    process.stdout.write(
      'projection live with time-up signal; drag and keyboard regrouping; consent adopted → decision → project linked both ways; blocked consent listed\n',
    );
  });
});
