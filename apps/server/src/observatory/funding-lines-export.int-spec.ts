import { parseCsv } from '@concerto/domain';
import { ApiClient, buildSpace } from '../../testing/api-client.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { FUNDING_LINES_CSV_HEAD, fundingLinesCsv } from './observatory-export.js';
import { ObservatoryRepository } from './observatory.repository.js';

const EXPORT = '/api/observatory/export?dataset=funding_lines&format=csv';

/**
 * The open funding lines' file is kept in per-space parts (one gzip member each): whatever the parts, the file must
 * be byte for byte the one written from every line at once, and follow a write in one space.
 */
describe('open funding lines export in per-space parts (real PostgreSQL, through the HTTP API)', () => {
  let t: TestApp;
  let owner: ApiClient;
  let funderId: string;
  const spaces: Record<string, string> = {};
  const projects: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await startTestApp();
    owner = new ApiClient(t.url);
    await owner.signUp();
    funderId = (await owner.post('/api/organisations', { kind: 'collectivite', collectiviteLevel: 'region', name: 'Région test' })).body.id;
    // Names whose order depends on the collation (case, accents), and two poles of one name whose projects interleave.
    const poles = ['Pôle zéphyr', 'Pôle Alpha', 'Pôle alpha', 'Pôle jumeau', 'Pôle jumeau', 'Pôle Été'];
    for (const [i, poleName] of poles.entries()) {
      const key = `${poleName}#${i}`;
      spaces[key] = await buildSpace(owner, { poleName });
      projects[key] = [];
      for (const title of i === 3 ? ['Atelier', 'Cantine'] : i === 4 ? ['Boutique', 'Dépôt'] : ['Projet "un"; deux', 'Projet 2']) {
        const projectId = (await owner.post(`/api/spaces/${spaces[key]}/projects`, { title })).body.id as string;
        projects[key].push(projectId);
        for (const [n, year] of [2021, 2022, 2021].entries()) {
          const line = { funderId, funderLevel: 'region', year, amountCents: 100_050 + 7 * n + i, kind: 'operating', status: 'paid' };
          expect((await owner.post(`/api/spaces/${spaces[key]}/projects/${projectId}/funding-lines`, line)).status).toBe(201);
        }
      }
    }
  }, 120_000);
  afterAll(() => t.close());

  const download = async (query = '', encoding = 'gzip') => {
    const response = await fetch(`${t.url}${EXPORT}${query}`, { headers: { cookie: owner.cookie!, 'accept-encoding': encoding } });
    expect(response.status).toBe(200);
    return { response, text: Buffer.from(await response.arrayBuffer()).toString('utf8') };
  };
  /** The file as it was written before it was cut in parts: every line read at once, then written. */
  const wholeFile = async () => fundingLinesCsv(await t.app.get(ObservatoryRepository).openFundingLines(owner.account!.id, {}));

  it('is the file written from every line at once, and the per-space files put together under one header', async () => {
    const { response, text } = await download();
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(text).toBe(await wholeFile());
    expect(text.startsWith(FUNDING_LINES_CSV_HEAD)).toBe(true);
    expect(
      text
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .filter((row) => row === FUNDING_LINES_CSV_HEAD.replace(/^\uFEFF|\r\n$/g, '')),
    ).toHaveLength(1);
    // The same bytes, decompressed on the way, to a client that does not accept gzip.
    const plain = await download('', 'identity');
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(plain.text).toBe(text);

    const perSpace = await Promise.all(Object.values(spaces).map(async (spaceId) => (await download(`&spaceId=${spaceId}`)).text));
    for (const file of perSpace) expect(file.startsWith(FUNDING_LINES_CSV_HEAD)).toBe(true);
    const rowsOf = (file: string) => file.slice(FUNDING_LINES_CSV_HEAD.length).split('\r\n').filter(Boolean);
    const together = perSpace.flatMap(rowsOf);
    expect(together).toHaveLength(6 * 2 * 3);
    expect([...rowsOf(text)].sort()).toEqual([...together].sort());
    // Two poles of one name: their projects interleave, as in one sorted file.
    const twins = parseCsv(text)
      .rows.filter((r) => r.cells[0] === 'Pôle jumeau')
      .map((r) => r.cells[6]);
    expect([...new Set(twins)]).toEqual(['Atelier', 'Boutique', 'Cantine', 'Dépôt']);
    // A line filter gives its own parts.
    expect((await download('&from=2022&to=2022')).text).toBe(
      fundingLinesCsv(await t.app.get(ObservatoryRepository).openFundingLines(owner.account!.id, { from: 2022, to: 2022 })),
    );
  });

  it('follows a write in one space, a pole renamed and a funder renamed', async () => {
    const before = (await download()).text;
    const key = 'Pôle Alpha#1';
    const line = { funderId, funderLevel: 'region', year: 2023, amountCents: 4_242, kind: 'operating', status: 'paid' };
    expect((await owner.post(`/api/spaces/${spaces[key]}/projects/${projects[key][0]}/funding-lines`, line)).status).toBe(201);
    const after = (await download()).text;
    expect(after).toBe(await wholeFile());
    expect(after.split('\r\n')).toHaveLength(before.split('\r\n').length + 1);
    expect(after).toContain(';2023;"42,42";');

    // A rename moves the pole's rows in the file (the parts are ordered by name again).
    expect((await owner.patch(`/api/spaces/${spaces[key]}/pole`, { name: 'Pôle Oméga' })).status).toBe(200);
    const renamed = (await download()).text;
    expect(renamed).toBe(await wholeFile());
    expect(renamed).toContain('Pôle Oméga;');
    expect(renamed).not.toBe(after);

    expect((await owner.patch(`/api/organisations/${funderId}`, { name: 'Région renommée' })).status).toBe(200);
    const funderRenamed = (await download()).text;
    expect(funderRenamed).toBe(await wholeFile());
    expect(funderRenamed).toContain(';Région renommée;');
    expect(funderRenamed).not.toContain(';Région test;');
  });
});
