import { cpus } from 'node:os';
import * as Y from 'yjs';
import { DIAGNOSTIC_SECTIONS, diagnosticDocument, readSections, sectionContentKey } from '@concerto/collab';
import { ApiClient, addMember, buildSpace, eventually, openDocument, startTestApp, type OpenedDocument, type TestApp } from '@concerto/server/testing';
import { writeResults } from './performance-doc.js';
import { markdownTable, round, summary } from './stats.js';

const SECTIONS = 40;
const PARAGRAPHS_PER_SECTION = 12; // about 3 pages of 600 words
const WORDS_PER_PARAGRAPH = 150;
const EDITORS = 10;
const TYPING_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const EDIT_EVERY_MS = 200;
const MARK = '\u23f1';

const words = (n: number, seed: number) =>
  Array.from(
    { length: n },
    (_, i) => ['coopération', 'territoire', 'collectivité', 'emploi', 'filière', 'pôle', 'ESS', 'projet'][(seed * 7 + i * 13) % 8],
  ).join(' ');

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/** Send times carried by the text a remote update inserted (each edit starts with ⏱<ms>). */
function sentTimes(update: Uint8Array): number[] {
  const { structs } = Y.decodeUpdate(update) as unknown as { structs: { content?: { str?: string } }[] };
  return structs.flatMap((s) => [...(s.content?.str ?? '').matchAll(/\u23f1(\d+)/g)].map((m) => Number(m[1])));
}

/**
 * A large diagnostic (40 sections of about 3 pages each) co-edited by 10 people at once, on the real app:
 * load time for each editor, propagation of edits between editors, and the diagnostic's reading features on
 * such a document (export, version save, comparison).
 */
describe('diagnostic benchmark', () => {
  let t: TestApp;
  const opened: OpenedDocument[] = [];

  beforeAll(async () => {
    t = await startTestApp({ COLLAB_IDLE_UNLOAD_MS: '300' });
  });
  afterAll(async () => {
    for (const o of opened) o.close();
    await t.close();
  });

  it('measures', async () => {
    const animateur = new ApiClient(t.url);
    await animateur.signUp();
    const spaceId = await buildSpace(animateur, { title: 'Grand diagnostic' });
    const editors = [animateur];
    for (let i = 1; i < EDITORS; i++) {
      const c = new ApiClient(t.url);
      await c.signUp();
      await addMember(animateur, spaceId, c, 'contributeur');
      editors.push(c);
    }
    const name = diagnosticDocument(spaceId);

    // Build the document: template sections plus custom ones up to 40, each filled with about 3 pages.
    const builder = await openDocument(t.url, animateur.cookie, name);
    builder.doc.transact(() => {
      const sections = builder.doc.getArray<Y.Map<unknown>>(DIAGNOSTIC_SECTIONS);
      for (let i = sections.length; i < SECTIONS; i++) {
        const map = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: `custom-bench-${i}`, kind: 'custom', key: `bench-${i}`, title: `Section ${i + 1}`, archived: false }))
          map.set(k, v);
        sections.push([map]);
      }
    });
    for (const [s, section] of readSections(builder.doc).entries()) {
      builder.doc.transact(() => {
        builder.doc.getXmlFragment(sectionContentKey(section.id)).insert(
          0,
          Array.from({ length: PARAGRAPHS_PER_SECTION }, (_, p) => paragraph(words(WORDS_PER_PARAGRAPH, s * 100 + p))),
        );
      });
    }
    await builder.document.waitFor(['saved']);
    const stateBytes = Y.encodeStateAsUpdate(builder.doc).byteLength;
    builder.close();
    await new Promise((r) => setTimeout(r, 1000)); // unloaded from memory: the next joins load it from PostgreSQL

    // Every editor joins: the first one loads the document from the database.
    const joins: number[] = [];
    for (const editor of editors) {
      const started = performance.now();
      opened.push(await openDocument(t.url, editor.cookie, name));
      joins.push(performance.now() - started);
    }
    const ids = readSections(opened[0].doc).map((s) => s.id);
    expect(ids).toHaveLength(SECTIONS);

    // Everyone types at once, each in a random section, every 200 ms.
    const propagation: number[] = [];
    for (const o of opened) {
      o.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== o.document) return;
        const now = Date.now();
        for (const sent of sentTimes(update)) propagation.push(now - sent);
      });
    }
    let edits = 0;
    const timers = opened.map((o, i) =>
      setInterval(() => {
        const section = ids[Math.floor(Math.random() * ids.length)];
        const first = o.doc.getXmlFragment(sectionContentKey(section)).get(0) as Y.XmlElement;
        const text = first.get(0) as Y.XmlText;
        text.insert(Math.floor(Math.random() * text.length), ` ${MARK}${Date.now()} `);
        edits += 1;
      }, EDIT_EVERY_MS + i),
    );
    await new Promise((r) => setTimeout(r, TYPING_MS));
    timers.forEach(clearInterval);
    await eventually(() => propagation.length >= edits * (EDITORS - 1), 15_000, 'every edit seen by every other editor').catch(() => undefined);
    await Promise.all(opened.map((o) => o.document.waitFor(['saved'])));
    const delivered = propagation.length / (edits * (EDITORS - 1));

    const time = async (action: () => Promise<unknown>) => {
      const started = performance.now();
      await action();
      return round(performance.now() - started);
    };
    const exportMd = await time(() => animateur.request('GET', `/api/spaces/${spaceId}/diagnostic/export?format=md`));
    const exportDocx = await time(() =>
      fetch(`${t.url}/api/spaces/${spaceId}/diagnostic/export?format=docx`, { headers: { cookie: animateur.cookie! } }).then((r) => r.arrayBuffer()),
    );
    let versionId = '';
    const saveVersion = await time(async () => (versionId = (await animateur.post(`/api/spaces/${spaceId}/diagnostic/versions`, { name: 'Banc' })).body.id));
    const compare = await time(() => animateur.get(`/api/spaces/${spaceId}/diagnostic/versions/${versionId}/compare`));
    const sections = await time(() => animateur.get(`/api/spaces/${spaceId}/diagnostic/sections`));

    const p = summary(propagation);
    const j = summary(joins);
    const table = markdownTable(
      ['measure', 'value'],
      [
        ['document', `${SECTIONS} sections × ${PARAGRAPHS_PER_SECTION} paragraphs × ${WORDS_PER_PARAGRAPH} words (${round(stateBytes / 1024)} KiB encoded)`],
        [
          `join → synced, ${EDITORS} editors one after the other (first from PostgreSQL)`,
          `first ${round(joins[0])} ms, p50 ${j.p50} ms, max ${round(Math.max(...joins))} ms`,
        ],
        [
          `edits (every ${EDIT_EVERY_MS} ms per editor, ${TYPING_MS / 1000} s)`,
          `${edits} edits, ${round(delivered * 100)} % delivered to the ${EDITORS - 1} others`,
        ],
        ['propagation editor → other editors', `p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms`],
        ['export Markdown / DOCX', `${exportMd} ms / ${exportDocx} ms`],
        ['save a named version / compare it with today', `${saveVersion} ms / ${compare} ms`],
        ['section scores and statuses (GET)', `${sections} ms`],
      ],
    );
    const machine = `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, clients in the same process as the server`;
    process.stdout.write(`\nDiagnostic benchmark — ${machine}\n${table}\n`);
    writeResults('diagnostic', `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${table}`);
    expect(delivered).toBe(1);
  });
});
