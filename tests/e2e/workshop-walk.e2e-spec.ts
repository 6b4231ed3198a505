import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { DEMO_SPACE, useDemoBrowser } from '../support/demo-browser.js';
import { api } from '../support/page-api.js';

type Lang = 'fr' | 'en';

/** The words of the interface this walk clicks and reads, in each language. */
const WORDS = {
  fr: {
    start: 'Démarrer la séance',
    openJoin: 'Ouvrir l’accès par code',
    joinHeading: (title: string) => `Rejoindre la séance : ${title}`,
    name: 'Votre nom',
    join: 'Rejoindre',
    you: (name: string) => `Vous participez en tant que ${name} (participant·e sans compte).`,
    contribution: 'Votre contribution',
    post: 'Publier',
    posted: 'Contribution envoyée.',
    left: (n: number) => (n === 0 ? 'Plus aucune gommette restante' : n === 1 ? '1 gommette restante' : `${n} gommettes restantes`),
    addDot: (label: string) => `Ajouter une gommette à « ${label} »`,
    resume: (name: string) => `Continuer en tant que ${name}`,
    agree: "D'accord",
    saveAnswer: 'Enregistrer ma réponse',
    answerSaved: 'Réponse enregistrée.',
    closeVote: 'Clore le vote',
    adopted: 'Proposition adoptée (aucune objection)',
    record: (title: string) => `Enregistrer « ${title} » comme décision`,
    recorded: 'Décision enregistrée',
    toProject: (text: string) => `Créer un projet partagé à partir de la décision « ${text} »`,
    seeProject: 'Voir le projet partagé',
    results: (title: string, voters: string) => `Résultats : ${title} — ${voters}`,
    voters: (n: number) => (n <= 1 ? `${n} votant·e` : `${n} votant·es`),
    current: (title: string) => `Point en cours : ${title}`,
  },
  en: {
    start: 'Start the session',
    openJoin: 'Open joining by code',
    joinHeading: (title: string) => `Join the session: ${title}`,
    name: 'Your name',
    join: 'Join',
    you: (name: string) => `You take part as ${name} (participant without an account).`,
    contribution: 'Your contribution',
    post: 'Post',
    posted: 'Contribution sent.',
    left: (n: number) => (n === 0 ? 'No dot left' : n === 1 ? '1 dot left' : `${n} dots left`),
    addDot: (label: string) => `Add a dot to “${label}”`,
    resume: (name: string) => `Continue as ${name}`,
    agree: 'Agree',
    saveAnswer: 'Save my answer',
    answerSaved: 'Answer saved.',
    closeVote: 'Close the vote',
    adopted: 'Proposal adopted (no objection)',
    record: (title: string) => `Record “${title}” as a decision`,
    recorded: 'Decision recorded',
    toProject: (text: string) => `Create a shared project from the decision “${text}”`,
    seeProject: 'See the shared project',
    results: (title: string, voters: string) => `Results: ${title} — ${voters}`,
    voters: (n: number) => (n === 1 ? `${n} voter` : `${n} voters`),
    current: (title: string) => `Current item: ${title}`,
  },
} as const;

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

/**
 * The workshop, walked as people in a room would, in French and in English, with the animatrice on a phone
 * and on a laptop: she starts the session and opens joining by code; three people without an account join on phones,
 * post and vote (joining twice from one phone resumes the same participant: no second ballot); the wall shows it all;
 * a consent vote is adopted, recorded as a decision, then made a project linked both ways. On every page: no console
 * error (no 401 on anonymous pages) and nothing wider than the screen.
 */
describe('a workshop walked through on phones and a laptop, in French and English', () => {
  const demo = useDemoBrowser('workshop-walk', { waitForNetworkIdle: false });

  /** Console errors and uncaught exceptions of a page, with where they happened. */
  const problems: string[] = [];
  const watch = (page: Page, who: string) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') problems.push(`${who} ${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${who} ${page.url()}: ${e.message}`));
    // The failed request itself, so a console error names what failed.
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${who}: ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
    });
  };
  /** Content wider than the viewport (a horizontal scroll bar), as the elements that stick out. */
  const overflow = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= width) return [];
      return [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
        .slice(0, 5)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} > ${width})`);
    });
  const wide: string[] = [];
  const checkWidth = async (page: Page, where: string) => {
    for (const e of await overflow(page)) wide.push(`${where}: ${e}`);
  };
  const inLanguage = async (page: Page, lang: Lang) => {
    await page.evaluate((l) => window.localStorage.setItem('concerto.locale', l), lang);
  };

  // Each language once, each screen once (the four pairs take twice the time and find nothing more).
  it.each([
    ['fr', PHONE],
    ['en', DESK],
  ] as const)('in %s, the animatrice at %o', async (lang, viewport) => {
    problems.length = 0;
    wide.length = 0;
    const w = WORDS[lang];
    const tag = `${lang}-${viewport.width}`;
    const title = lang === 'fr' ? `Atelier ouvert ${tag}` : `Open workshop ${tag}`;
    const item = lang === 'fr' ? 'Idées pour la mobilité' : 'Ideas for getting around';
    const proposal = lang === 'fr' ? `Lancer un covoiturage solidaire ${tag}` : `Start a shared car scheme ${tag}`;
    const options = [
      { key: 'covoiturage', label: lang === 'fr' ? 'Covoiturage' : 'Car sharing' },
      { key: 'velo', label: lang === 'fr' ? 'Vélo' : 'Cycling' },
    ];
    const dotVote = lang === 'fr' ? `Priorités ${tag}` : `Priorities ${tag}`;

    const { page: a } = await demo.signIn('animatrice@demo.concerto.fr');
    watch(a, 'animatrice');
    await a.setViewportSize(viewport);
    await inLanguage(a, lang);
    const spaces = await api<{ id: string; title: string }[]>(a, 'GET', '/api/spaces');
    const spaceId = spaces.find((s) => s.title === DEMO_SPACE)!.id;
    const session = await api<{ id: string; agenda: { id: string }[] }>(a, 'POST', `/api/spaces/${spaceId}/sessions`, {
      title,
      scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
      agenda: [{ title: item, durationMinutes: 20 }],
    });

    // The animatrice starts the session and opens joining by code, on her own screen.
    await a.goto(`${demo.server.url}/seances/${session.id}`);
    await a.getByRole('heading', { level: 1, name: title }).waitFor();
    await a.getByRole('button', { name: w.start }).click();
    await a.getByRole('button', { name: w.openJoin }).click();
    const code = (await a.getByTestId('join-code').textContent())!.trim();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    await a
      .getByText(lang === 'fr' ? /^Prévu : 20\smin/ : /^Planned: 20\smin/)
      .first()
      .waitFor();
    await checkWidth(a, `${tag} session page`);
    const sessionPath = `/api/sessions/${session.id}`;
    const vote = await api<{ id: string }>(a, 'POST', `${sessionPath}/votes`, {
      kind: 'dot',
      title: dotVote,
      options,
      dotsPerParticipant: 2,
      agendaItemId: session.agenda[0]!.id,
    });

    // Three phones without an account join by the link, post and vote one dot each.
    const link = `${demo.server.url}/rejoindre/${code}`;
    const names = ['Aïcha', 'Bruno', 'Chloé'].map((n) => `${n} ${tag}`);
    const phones: { context: BrowserContext; page: Page }[] = [];
    for (const name of names) {
      const phone = await demo.open();
      watch(phone.page, name);
      await phone.page.setViewportSize(PHONE);
      await phone.page.goto(`${demo.server.url}/connexion`);
      await inLanguage(phone.page, lang);
      await phone.page.goto(link);
      await phone.page.getByRole('heading', { level: 1, name: w.joinHeading(title) }).waitFor();
      await checkWidth(phone.page, `${tag} join page`);
      await phone.page.getByLabel(w.name).fill(name);
      await phone.page.getByRole('button', { name: w.join, exact: true }).click();
      await phone.page.getByText(w.you(name)).waitFor();
      phones.push(phone);
    }
    const card = (page: Page, name: string) => page.getByRole('article', { name });
    for (const [i, { page }] of phones.entries()) {
      const text = lang === 'fr' ? `Idée ${i + 1} ${tag} : une navette le samedi` : `Idea ${i + 1} ${tag}: a Saturday shuttle`;
      await page.getByLabel(w.contribution).fill(text);
      await page.getByRole('button', { name: w.post, exact: true }).click();
      await page.getByText(w.posted).waitFor();
      await a.getByText(text, { exact: true }).first().waitFor({ timeout: 10_000 });
      await card(page, dotVote).getByText(w.left(2)).waitFor({ timeout: 10_000 });
      await card(page, dotVote)
        .getByRole('button', { name: w.addDot(options[1]!.label) })
        .click();
      await card(page, dotVote).getByText(w.left(1)).waitFor();
      await checkWidth(page, `${tag} participant page`);
    }

    // The first phone opens the link again: the same participant, the same ballot (one dot left, not two).
    const again = await phones[0]!.context.newPage();
    watch(again, `${names[0]} again`);
    await again.goto(link);
    await again.getByRole('button', { name: w.resume(names[0]!) }).click();
    await card(again, dotVote).getByText(w.left(1)).waitFor({ timeout: 10_000 });
    await card(again, dotVote)
      .getByRole('button', { name: w.addDot(options[1]!.label) })
      .click();
    await card(again, dotVote).getByText(w.left(0)).waitFor();
    const { results: tally } = await api<{ results: { voters: number; options: { key: string; dots: number }[] } }>(
      a,
      'GET',
      `${sessionPath}/votes/${vote.id}/results`,
    );
    expect(tally.voters).toBe(3);
    expect(tally.options.find((o) => o.key === 'velo')!.dots).toBe(4);

    // The wall: the current item, the three contributions, the dot vote's results, the join code.
    const { page: wall } = await demo.signIn('animatrice@demo.concerto.fr');
    watch(wall, 'wall');
    await wall.setViewportSize(viewport);
    await inLanguage(wall, lang);
    await wall.goto(`${demo.server.url}/seances/${session.id}/projection`);
    await wall.getByRole('heading', { level: 1, name: title }).waitFor();
    await wall.getByRole('heading', { level: 2, name: w.current(item) }).waitFor();
    await wall.getByTestId('join-code').getByText(code, { exact: true }).waitFor({ timeout: 10_000 });
    for (let i = 1; i <= 3; i++)
      await wall
        .locator('.note')
        .filter({ hasText: lang === 'fr' ? `Idée ${i} ${tag}` : `Idea ${i} ${tag}` })
        .waitFor({ timeout: 10_000 });
    await wall.getByRole('figure', { name: w.results(dotVote, w.voters(3)) }).waitFor({ timeout: 10_000 });
    await checkWidth(wall, `${tag} projection`);

    // A consent vote: the three phones agree; closed, it is adopted, recorded as a decision, then a project.
    const consent = await api<{ id: string }>(a, 'POST', `${sessionPath}/votes`, { kind: 'consent', title: proposal, agendaItemId: session.agenda[0]!.id });
    for (const { page } of phones) {
      const ballot = card(page, proposal);
      await ballot.getByLabel(w.agree, { exact: true }).check({ timeout: 10_000 });
      await ballot.getByRole('button', { name: w.saveAnswer }).click();
      await ballot.getByText(w.answerSaved).waitFor();
    }
    await wall.getByRole('figure', { name: w.results(proposal, w.voters(3)) }).waitFor({ timeout: 10_000 });
    const adopted = card(a, proposal);
    await adopted.getByRole('button', { name: w.closeVote }).click();
    await adopted.getByText(w.adopted).waitFor({ timeout: 10_000 });
    await wall.locator(`[data-vote-id="${consent.id}"]`).getByText(w.adopted).waitFor({ timeout: 10_000 });
    await adopted.getByRole('button', { name: w.record(proposal) }).click();
    await adopted.getByRole('link', { name: w.recorded }).waitFor();
    const decision = a.locator('.decision').filter({ hasText: proposal });
    await decision.locator('.decision__item').getByText(item, { exact: true }).waitFor();
    await checkWidth(a, `${tag} session page with a decision`);
    await decision.getByRole('button', { name: w.toProject(proposal) }).click();
    await decision.getByRole('link', { name: w.seeProject }).click();
    await a.waitForURL(/\/projets\/[0-9a-f-]{36}$/);
    await a.getByRole('heading', { level: 2, name: proposal }).waitFor();
    await checkWidth(a, `${tag} project page`);
    const quote = (text: string) => (lang === 'fr' ? `« ${text} »` : `“${text}”`);
    await a
      .locator('.project-origin')
      .getByRole('link', { name: quote(title) })
      .waitFor();
    await a
      .locator('.project-origin')
      .getByRole('link', { name: quote(proposal) })
      .click();
    await a.waitForURL(new RegExp(`/seances/${session.id}#decision-`));
    await a.locator('.decision').filter({ hasText: proposal }).getByRole('link', { name: w.seeProject }).waitFor();

    // Closed, the minutes mark the three as participants without an account, in attendance and beside their contributions.
    await api(a, 'POST', `${sessionPath}/close`, {});
    await a.goto(`${demo.server.url}/seances/${session.id}/compte-rendu`);
    await a.getByRole('heading', { level: 1 }).first().waitFor();
    const mark = lang === 'fr' ? '(participant·e sans compte)' : '(participant without an account)';
    for (const name of names)
      await a
        .locator('.minutes-attendance li')
        .filter({ hasText: `${name} ${mark} — ` })
        .waitFor({ timeout: 10_000 });
    await a
      .locator('.minutes-cluster li')
      .filter({ hasText: `${names[0]} ${mark}` })
      .waitFor();
    await checkWidth(a, `${tag} minutes`);

    await a.screenshot({ path: `${process.cwd()}/../test-artifacts/e2e/workshop-walk-${tag}-animatrice.png`, fullPage: true }).catch(() => undefined);
    await phones[0]!.page.screenshot({ path: `${process.cwd()}/../test-artifacts/e2e/workshop-walk-${tag}-phone.png`, fullPage: true }).catch(() => undefined);
    await wall.screenshot({ path: `${process.cwd()}/../test-artifacts/e2e/workshop-walk-${tag}-wall.png` }).catch(() => undefined);
    for (const { context } of phones) await context.close();

    expect(wide).toEqual([]);
    expect(problems).toEqual([]);
  });
});
