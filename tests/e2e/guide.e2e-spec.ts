import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { DEMO_SPACE as SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { pdfText } from '@concerto/server/testing';

const TESTIMONY = 'La Fabrique à projets du Pays de Grasse';
const STORY_A = 'Tout commence en 2014 autour d’une friche industrielle. ';
const STORY_B = 'La communauté d’agglomération a mis un local à disposition. ';
const RECOMMENDATION_A = 'Ouvrir un guichet unique de l’ESS à l’agglomération';
const RECOMMENDATION_B = 'Former les élus aux marchés publics responsables';
const SESSION = 'Séance sur les préconisations du guide';
const VOTE = 'Quelles préconisations retenir ?';
const INTRO = 'Ce guide a été rédigé par les membres de la concertation TETRIS. ';

/**
 * The guide d'appui in four browsers (demo seed): two contributeurs co-write a testimony's story, the animatrice
 * validates it; a live session votes on two recommendations and she marks the winner « Retenue »; the guide document
 * shows both through its live references; she edits it, freezes a version, downloads Word and PDF (both opened and
 * read), publishes it, a signed-out reader opens the public page, and once withdrawn the link answers 404.
 */
describe('the guide d’appui in the browser', () => {
  const demo = useDemoBrowser('guide');
  const signIn = async (email: string) => (await demo.signIn(email)).page;
  const checkPage = demo.checkPage;
  let spaceUrl: string | undefined;
  const spaceTab = async (page: Page, tab: string) => {
    const nav = page.getByRole('navigation', { name: 'Rubriques de l’espace' });
    if ((await nav.count()) === 0) {
      if (spaceUrl) await page.goto(spaceUrl);
      else await page.getByRole('link', { name: SPACE }).first().click();
    }
    await page.getByRole('navigation', { name: 'Rubriques de l’espace' }).getByRole('link', { name: tab }).click();
  };
  const story = (page: Page) => page.getByRole('textbox', { name: 'Récit de l’initiative' });

  async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function reveal(page: Page, section: string, text: string): Promise<void> {
    const heading = page.getByRole('heading', { name: section, exact: true }).first();
    await waitUntil(async () => {
      await heading.scrollIntoViewIfNeeded();
      return (await page.getByText(text).count()) > 0;
    });
  }

  async function download(page: Page, link: string): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).first().click()]);
    const path = await file.path();
    return { name: file.suggestedFilename(), bytes: await readFile(path) };
  }

  it('co-writes, validates, votes, generates, exports, publishes and withdraws the guide', async () => {
    const [a, karim, jean] = await Promise.all(['animatrice', 'contributeur', 'elu'].map((name) => signIn(`${name}@demo.concerto.fr`)));

    // Karim starts a testimony; Jean opens it; both write its story at the same time.
    await spaceTab(karim, 'Guide d’appui');
    await karim.getByRole('heading', { level: 2, name: 'Guide d’appui' }).waitFor();
    await karim.getByRole('link', { name: 'Témoignages', exact: true }).click();
    await karim.getByLabel('Titre', { exact: true }).fill(TESTIMONY);
    await karim.getByRole('button', { name: 'Créer le témoignage' }).click();
    await karim.waitForURL(/\/temoignages\/[0-9a-f-]{36}$/);
    const testimonyUrl = karim.url();
    spaceUrl = /^.*\/espaces\/[0-9a-f-]{36}/.exec(testimonyUrl)![0];
    await jean.goto(testimonyUrl);
    for (const page of [karim, jean]) await story(page).waitFor();
    await story(karim).click();
    await story(jean).click();
    await Promise.all([karim.keyboard.type(STORY_A, { delay: 15 }), jean.keyboard.type(STORY_B, { delay: 15 })]);
    for (const page of [karim, jean]) {
      await waitUntil(async () => {
        const text = await story(page).innerText();
        return text.includes(STORY_A.trim()) && text.includes(STORY_B.trim());
      });
    }
    await checkPage(jean, '01-temoignage');

    // Karim marks it re-read; the animatrice validates it.
    await karim.getByRole('button', { name: 'Passer à « Relu »' }).click();
    await karim.getByText('Le statut est maintenant « Relu ».').waitFor();
    await a.goto(testimonyUrl);
    await a.getByRole('button', { name: 'Passer à « Validé »' }).click();
    await a.getByText('Le statut est maintenant « Validé ».').waitFor();

    // Two recommendations, then a live session votes on them.
    await spaceTab(karim, 'Guide d’appui');
    for (const statement of [RECOMMENDATION_A, RECOMMENDATION_B]) {
      await karim.getByRole('link', { name: 'Préconisations', exact: true }).first().click();
      await karim.getByLabel('Énoncé').fill(statement);
      await karim.getByRole('button', { name: 'Créer la préconisation' }).click();
      await karim.waitForURL(/\/preconisations\/[0-9a-f-]{36}$/);
      await karim.getByRole('heading', { name: statement }).waitFor();
      await spaceTab(karim, 'Guide d’appui');
    }
    await spaceTab(a, 'Séances');
    const form = a.getByRole('form', { name: 'Préparer une séance' });
    await form.getByLabel('Titre de la séance').fill(SESSION);
    await form.getByLabel('Date et heure').fill('2026-06-15T14:30');
    await form.getByLabel('Intitulé du point 1').fill('Préconisations');
    await form.getByLabel('Durée du point 1 (minutes)').fill('20');
    await form.getByRole('button', { name: 'Créer la séance' }).click();
    await a.waitForURL(/\/seances\/[0-9a-f-]{36}$/);
    const sessionUrl = a.url();
    await a.getByRole('button', { name: 'Démarrer la séance' }).click();
    await a.getByText('Séance démarrée.').waitFor();
    const voteForm = a.getByRole('region', { name: 'Voter sur des préconisations' });
    await voteForm.getByLabel(RECOMMENDATION_A).check();
    await voteForm.getByLabel(RECOMMENDATION_B).check();
    await voteForm.getByLabel('Intitulé du vote').fill(VOTE);
    await voteForm.getByRole('button', { name: 'Ouvrir le vote sur ces préconisations' }).click();
    await a.getByText(`Le vote « ${VOTE} » est ouvert.`).waitFor();
    const voteCard = (page: Page) => page.getByRole('article', { name: VOTE });
    for (const page of [karim, jean]) {
      await page.goto(sessionUrl);
      await voteCard(page).getByText('8 gommettes restantes').waitFor({ timeout: 10_000 });
      await voteCard(page)
        .getByRole('button', { name: `Ajouter une gommette à « ${RECOMMENDATION_A} »` })
        .click();
      await voteCard(page).getByText('7 gommettes restantes').waitFor();
    }
    await voteCard(a).getByRole('button', { name: 'Clore le vote' }).click();
    await voteCard(a).getByText('Clos').first().waitFor();

    // The result is on the recommendation; the animatrice retains it.
    await spaceTab(a, 'Guide d’appui');
    await a.getByRole('link', { name: 'Préconisations', exact: true }).first().click();
    await a.getByRole('link', { name: RECOMMENDATION_A }).click();
    await a.getByRole('heading', { name: 'Votes en séance' }).waitFor();
    // The vote's result is recorded on the recommendation, with a link to its session.
    await a.getByRole('link', { name: VOTE }).waitFor();
    expect(await a.getByText('vote en cours').count()).toBe(0);
    await a.getByRole('button', { name: 'Passer à « Retenue »' }).click();
    await a.getByText('Le statut est maintenant « Retenue ».').waitFor();

    // The guide document: its live references show the validated testimony and the retained recommendation.
    await spaceTab(a, 'Guide d’appui');
    await a.getByRole('link', { name: 'Le guide', exact: true }).first().click();
    await a.getByRole('heading', { level: 2, name: 'Le guide' }).waitFor();
    // Sections mount their editor when they come into view (sections above may grow meanwhile): scroll until shown.
    await reveal(a, 'Témoignages', TESTIMONY);
    await reveal(a, 'Préconisations retenues', RECOMMENDATION_A);
    expect(await a.getByText(RECOMMENDATION_B).count()).toBe(0);
    const introduction = a.getByRole('textbox', { name: 'Introduction', exact: true });
    await waitUntil(async () => {
      await a.getByRole('heading', { name: 'Introduction', exact: true }).first().scrollIntoViewIfNeeded();
      return (await introduction.count()) > 0;
    });
    await introduction.click();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(INTRO, { delay: 10 });
    await a.getByText('Enregistré', { exact: true }).first().waitFor({ timeout: 10_000 });
    await checkPage(a, '02-document');

    // Word and PDF, opened and read.
    const docx = await download(a, 'Télécharger (Word)');
    expect(docx.name).toMatch(/\.docx$/);
    const documentXml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    const wordText = documentXml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect([TESTIMONY, RECOMMENDATION_A, INTRO.trim()].filter((t) => !wordText.includes(t))).toEqual([]);
    const pdf = await download(a, 'Télécharger (PDF)');
    expect(pdf.name).toMatch(/\.pdf$/);
    const text = await pdfText(pdf.bytes);
    expect([TESTIMONY, RECOMMENDATION_A].filter((t) => !text.replace(/\s+/g, ' ').includes(t))).toEqual([]);

    // Published, read signed out, withdrawn.
    a.once('dialog', (dialog) => void dialog.accept());
    await a.getByRole('button', { name: 'Publier', exact: true }).click();
    await a.getByText('Guide publié.').waitFor();
    const publicUrl = await a.locator('.guide-publication input').inputValue();
    expect(publicUrl).toMatch(/\/guide-public\/[A-Za-z0-9_-]+$/);
    const reader = (await demo.open()).page;
    const response = await reader.goto(publicUrl);
    expect(response?.status()).toBe(200);
    await reader.getByRole('heading', { level: 1 }).waitFor();
    await reader.getByText(TESTIMONY).first().waitFor();
    await reader.getByText(RECOMMENDATION_A).first().waitFor();
    expect(await reader.title()).toContain('Guide d’appui');
    expect(await reader.locator('meta[property="og:title"]').getAttribute('content')).toContain('Guide d’appui');
    await expect(reader.locator('script').count()).resolves.toBe(0);
    a.once('dialog', (dialog) => void dialog.accept());
    await a.getByRole('button', { name: 'Retirer la publication' }).click();
    await a.getByText('Publication retirée.').waitFor();
    expect((await reader.goto(publicUrl))?.status()).toBe(404);
    process.stdout.write('testimony co-written and validated, recommendation voted and retained, guide edited, DOCX/PDF read, published, withdrawn\n');
  });
});
