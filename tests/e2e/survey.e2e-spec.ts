import type { Page } from 'playwright-core';
import { useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

const OKHRA = 'Ôkhra — Pays des ocres';
const PERISCOPE = 'Le Périscope — démarches collectives avec le Sicoval';

interface Answers {
  facts: Record<string, number | null>;
  funding: unknown[];
  relations: unknown[];
}

/** A number as the page shows it ("1 234"), read back. */
const figure = async (page: Page, term: string) =>
  Number((await page.locator('.key-figures__item', { hasText: term }).locator('dd').innerText()).replace(/\D/g, ''));

/**
 * The yearly survey in the browser (demo seed): the observatoire account (observateur of the five spaces) opens the
 * 2014 campaign from the observatory; two poles' animateurs follow their notification's link to their prefilled form,
 * one saves a draft then submits, the other submits; the campaign page's response rate and the observatory's figures
 * move live in the observatoire's open tabs; « Relancer » reminds the three others. Axe on each page.
 */
describe('the yearly survey in the browser (demo seed)', () => {
  const demo = useDemoBrowser('survey', { viewport: { width: 1400, height: 900 }, fullPage: false, waitForNetworkIdle: false });

  /** The animateur's survey notification for that year, and its link. */
  async function surveyLink(page: Page, year: number): Promise<string> {
    const feed = await api<{ items: { kind: string; link: string; params: Record<string, string> }[] }>(page, 'GET', '/api/notifications');
    const found = feed.items.find((n) => n.kind === 'survey_requested' && n.params.year === String(year));
    if (!found) throw new Error(`no survey notification for ${year}`);
    return found.link;
  }

  it('opens a campaign, two poles answer, and the response rate and the observatory update live', async () => {
    const { page: region } = await demo.signIn('observatoire@demo.concerto.fr');
    const { page: okhra } = await demo.signIn('okhra@demo.concerto.fr');
    const { page: elu } = await demo.signIn('elu@demo.concerto.fr');

    // The year before: a 2013 campaign Ôkhra answered (through the API), for the comparison.
    await api(region, 'POST', '/api/observatory/surveys', { year: 2013, title: 'Enquête annuelle des pôles 2013' });
    const link2013 = await surveyLink(okhra, 2013);
    const form2013 = await api<{ answers: Answers }>(okhra, 'GET', `/api${link2013.replace('/espaces/', '/spaces/').replace('/enquete/', '/surveys/')}`);
    await api(okhra, 'POST', `/api${link2013.replace('/espaces/', '/spaces/').replace('/enquete/', '/surveys/')}/submit`, form2013.answers);

    // The observatoire opens 2014 from the observatory.
    await region.goto(`${demo.server.url}/observatoire`);
    await region.getByRole('link', { name: 'Enquêtes annuelles' }).click();
    await region.getByRole('heading', { level: 1, name: 'Enquêtes annuelles' }).waitFor();
    await region.getByLabel('Année', { exact: true }).fill('2014');
    await region.getByRole('button', { name: 'Ouvrir l’enquête' }).click();
    await region.getByText('Enquête ouverte : 5 pôles sont sollicités.').waitFor();
    await demo.checkPage(region, '01-enquetes');
    await region.getByRole('link', { name: 'Enquête annuelle des pôles 2014' }).click();
    const rate = region.locator('.survey-campaign__rate');
    await rate.getByText('0 répondant sur 5 (1 en 2013)').waitFor();
    await demo.checkPage(region, '02-campagne');

    // A second tab on the observatory: its figures follow the answers too.
    const observatory = await region.context().newPage();
    await observatory.goto(`${demo.server.url}/observatoire`);
    await observatory.getByRole('heading', { name: 'Panorama des pôles' }).waitFor();
    const jobsBefore = await figure(observatory, 'Emplois');

    // Ôkhra's animateur follows the notification's link to the prefilled form.
    await okhra.goto(`${demo.server.url}${await surveyLink(okhra, 2014)}`);
    await okhra.getByRole('heading', { level: 2, name: 'Enquête annuelle des pôles 2014' }).waitFor();
    await okhra.getByText('Pré-rempli avec les réponses de l’an dernier').waitFor();
    const employees = okhra.getByLabel('Salarié·e·s', { exact: true });
    const employeesBefore = Number((await employees.inputValue()) || '0');
    await employees.fill(String(employeesBefore + 120));
    await okhra.getByLabel('Équivalents temps plein (ETP)').fill('2,5');
    await okhra.getByRole('button', { name: 'Ajouter un financeur' }).click();
    await okhra.getByLabel('Financeur 1', { exact: true }).selectOption({ label: 'Département de Vaucluse (Département)' });
    await okhra.getByLabel('Montant 1 (€)').fill('12 500,50');
    await demo.checkPage(okhra, '03-formulaire');
    await okhra.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await okhra.getByText('Réponse envoyée : le profil du pôle et l’observatoire sont à jour.').waitFor();

    await rate.getByText('1 répondant sur 5 (1 en 2013)').waitFor();
    await region
      .getByRole('row', { name: new RegExp(OKHRA.split(' — ')[0]) })
      .getByText('Envoyée')
      .waitFor();
    await observatory.waitForFunction(
      ([expected]) => {
        const item = [...document.querySelectorAll('.key-figures__item')].find((el) => el.textContent?.includes('Emplois'));
        return Number(item?.querySelector('dd')?.textContent?.replace(/\D/g, '')) === expected;
      },
      [jobsBefore + 120] as const,
    );

    // Le Périscope's animateur finds the survey under the pole's profile, in the space: a draft first (the page says
    // so live), then the answer.
    await elu.goto(`${demo.server.url}/`);
    await elu.getByRole('link', { name: PERISCOPE }).click();
    await elu.getByRole('link', { name: 'Répondre à « Enquête annuelle des pôles 2014 » (Pas de réponse)' }).click();
    await elu.getByRole('heading', { level: 2, name: 'Enquête annuelle des pôles 2014' }).waitFor();
    await elu.getByLabel('Structures membres').fill('31');
    await elu.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await elu.getByText('Brouillon enregistré.').waitFor();
    await rate.getByText('1 brouillon en cours').waitFor();
    await elu.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await elu.getByText('Réponse envoyée : le profil du pôle et l’observatoire sont à jour.').waitFor();
    await rate.getByText('2 répondants sur 5 (1 en 2013)').waitFor();
    await expect(rate.getByText('brouillon').count()).resolves.toBe(0);
    await demo.checkPage(region, '04-deux-reponses');
    expect(await figure(observatory, 'Emplois')).toBe(jobsBefore + 120);

    // « Relancer »: the three poles without an answer.
    region.once('dialog', (dialog) => void dialog.accept());
    await region.getByRole('button', { name: 'Relancer les pôles sans réponse' }).click();
    await region.getByText('3 pôles relancés.').waitFor();
    process.stdout.write('survey opened, answered by two poles, rate and observatory updated live, others reminded\n');
  });
});
