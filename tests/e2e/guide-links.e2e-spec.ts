import type { Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';

const RECOMMENDATION = 'Confier à l’agglomération un guichet unique des coopérations';
const ANALYSIS = 'Ce que change un lieu partagé';
const RENAMED = 'Ce que change un tiers-lieu partagé';

/**
 * The guide's links and live pages in the browser (demo seed): a contributeur writes a recommendation that comes from a
 * section of the diagnostic and rests on another, and follows its link to that section; the animatrice retains it and the observatoire account's
 * cross-pole guide, open meanwhile, shows it without a reload; an analysis's title and subject are changed on its page.
 */
describe('the guide’s supporting sections, live cross-pole guide and analysis edits in the browser', () => {
  const demo = useDemoBrowser('guide-links');

  const guideTab = async (page: Page) => {
    if ((await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).count()) === 0) await page.getByRole('link', { name: SPACE }).first().click();
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: 'Guide d’appui' }).click();
    await page.getByRole('heading', { level: 2, name: 'Guide d’appui' }).waitFor();
  };

  it('links a recommendation to a diagnostic section, refreshes the cross-pole guide live, edits an analysis', async () => {
    const [{ page: karim }, { page: a }, { page: observatory }] = await Promise.all(
      ['contributeur', 'animatrice', 'observatoire'].map((name) => demo.signIn(`${name}@demo.concerto.fr`)),
    );

    // The observatoire account reads the cross-pole guide; it stays open.
    await observatory.goto(`${demo.server.url}/observatoire/guide`);
    await observatory.getByRole('heading', { level: 2, name: 'Guide d’appui inter-pôles' }).waitFor();

    // Karim writes a recommendation resting on the diagnostic's « Territoire » section.
    await guideTab(karim);
    await karim.getByRole('link', { name: 'Préconisations', exact: true }).first().click();
    await karim.getByLabel('Énoncé').fill(RECOMMENDATION);
    const sections = karim.getByRole('group', { name: 'Sections du diagnostic à l’appui' });
    await sections.getByLabel('Territoire', { exact: true }).check();
    // It comes from the diagnostic's « Coopération » section: not chosen yet, the form says so and keeps what was typed.
    await karim.getByRole('radio', { name: 'Section du diagnostic' }).check();
    await karim.getByRole('button', { name: 'Créer la préconisation' }).click();
    await expect(karim.getByLabel('Section d’origine').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(karim.getByLabel('Énoncé').inputValue()).resolves.toBe(RECOMMENDATION);
    await demo.checkPage(karim, '00-nouvelle-preconisation');
    await karim.getByLabel('Section d’origine').selectOption({ label: 'Coopération' });
    await karim.getByRole('button', { name: 'Créer la préconisation' }).click();
    await karim.waitForURL(/\/preconisations\/[0-9a-f-]{36}$/);
    const recommendationUrl = karim.url();
    await karim.getByRole('heading', { name: RECOMMENDATION }).waitFor();
    await karim.getByText('Origine : Section du diagnostic — Coopération').waitFor();
    // Its form keeps the section ticked; its page links to it.
    await expect(karim.getByRole('group', { name: 'Sections du diagnostic à l’appui' }).getByLabel('Territoire', { exact: true }).isChecked()).resolves.toBe(
      true,
    );
    await demo.checkPage(karim, '01-preconisation');
    await karim.getByRole('link', { name: 'Territoire', exact: true }).click();
    await karim.waitForURL(/\/diagnostic#section-grid-territory$/);
    await karim.getByRole('heading', { level: 3, name: 'Territoire', exact: true }).waitFor();
    await karim.waitForFunction(() => document.activeElement?.id === 'section-grid-territory');

    // Not retained yet: not in the cross-pole guide. The animatrice retains it; the open guide shows it.
    expect(await observatory.getByRole('heading', { name: RECOMMENDATION }).count()).toBe(0);
    await a.goto(recommendationUrl);
    await a.getByRole('button', { name: 'Passer à « Retenue »' }).click();
    await a.getByText('Le statut est maintenant « Retenue ».').waitFor();
    await observatory.getByRole('heading', { name: RECOMMENDATION }).waitFor({ timeout: 15_000 });

    // An analysis renamed and moved to another subject on its page.
    await guideTab(karim);
    await karim.getByRole('link', { name: 'Analyses', exact: true }).first().click();
    const create = karim.getByRole('form', { name: 'Nouvelle analyse' });
    await create.getByLabel('Titre', { exact: true }).fill(ANALYSIS);
    await create.getByRole('button', { name: 'Créer l’analyse' }).click();
    await karim.waitForURL(/\/analyses\/[0-9a-f-]{36}$/);
    await karim.getByRole('heading', { level: 2, name: ANALYSIS }).waitFor();
    const edit = karim.getByRole('form', { name: 'Titre et sujet de l’analyse' });
    await edit.getByLabel('Titre', { exact: true }).fill(RENAMED);
    await edit.getByLabel('Sujet libre').check();
    await edit.getByRole('button', { name: 'Enregistrer le titre et le sujet' }).click();
    await edit.getByText('Modifications enregistrées.').waitFor();
    await karim.getByRole('heading', { level: 2, name: RENAMED }).waitFor();
    await demo.checkPage(karim, '02-analyse');
    // A blank title is refused next to its field, and nothing changes.
    await edit.getByLabel('Titre', { exact: true }).fill(' ');
    await edit.getByRole('button', { name: 'Enregistrer le titre et le sujet' }).click();
    await expect(edit.getByLabel('Titre', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await karim.reload();
    await karim.getByRole('heading', { level: 2, name: RENAMED }).waitFor();
    process.stdout.write('recommendation linked to its diagnostic section, cross-pole guide refreshed live, analysis renamed\n');
  });
});
