import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import {
  ANALYSIS_TEXT,
  SCHEMAS,
  TESTIMONY_STORY,
  analysisTextDocument,
  guideDocument,
  migrateDocument,
  parseDocumentName,
  readSections,
  sectionContentKey,
  testimonyStoryDocument,
} from '@concerto/collab';
import type { TestimonyFigureInput } from '@concerto/domain';
import { DEMO_ANALYSES, DEMO_GUIDE_INTRODUCTION, DEMO_RECOMMENDATIONS, DEMO_TESTIMONIES, type DemoTestimony } from './demo-guide-content.js';

/** The space whose guide is started: the recommendations, analyses and introduction are TETRIS's. */
export const DEMO_GUIDE_POLE = 'tetris';

/**
 * Stores a co-edited document as the server would: its schema (the migrations the server runs at first load) and
 * the given paragraphs of plain text in `field`, as one stored update of the document's log. The server loads it
 * like any other document; a later load finds it up to date.
 */
export async function storeDocument(tx: EntityManager, name: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const ref = parseDocumentName(name);
  if (!ref) throw new Error(`Not a document name: ${name}`);
  const doc = new Y.Doc();
  migrateDocument(doc, SCHEMAS[ref.kind]);
  doc.transact(() => edit(doc));
  await tx.query(`INSERT INTO collab_update (doc, data) VALUES ($1, $2)`, [name, Buffer.from(Y.encodeStateAsUpdate(doc))]);
  doc.destroy();
}

/** Appends paragraphs of plain text to a rich-text fragment. */
export function appendParagraphs(fragment: Y.XmlFragment, paragraphs: string[]): void {
  fragment.insert(
    fragment.length,
    paragraphs.map((text) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      return paragraph;
    }),
  );
}

function figuresOf(testimony: DemoTestimony): TestimonyFigureInput[] {
  const { live } = testimony;
  const year = live.year ?? null;
  return [
    ...testimony.typed.map((f) => ({ kind: 'typed' as const, ...f })),
    { kind: 'live', label: live.label, source: { measure: live.measure, projectId: null, funderLevel: live.funderLevel ?? null, from: year, to: year } },
  ];
}

/**
 * The demo's guide d'appui: one testimony per pole (validated or relu, with collectivités and stages, levers, quotes,
 * typed and live figures and a co-edited story), the TETRIS space's recommendations (some retained by the
 * animatrice), analysis chapters, and its guide document started: the study's skeleton, as its first load makes it,
 * with a paragraph of the pole's own in the introduction. Runs inside the seed's transaction.
 */
export async function seedDemoGuide(
  tx: EntityManager,
  spaceIds: Map<string, string>,
  organisationIds: Map<string, string>,
  accountIds: Map<string, string>,
): Promise<void> {
  const account = (email: string) => {
    const id = accountIds.get(email);
    if (!id) throw new Error(`No demo account ${email}`);
    return id;
  };
  const testimonyIds = new Map<string, string>();
  for (const testimony of DEMO_TESTIMONIES) {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO testimony (space_id, title, territory, levers, figures, quotes, status, status_changed_by_id, status_changed_at, created_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9) RETURNING id`,
      [
        spaceIds.get(testimony.pole),
        testimony.title,
        testimony.territory,
        testimony.levers,
        JSON.stringify(figuresOf(testimony)),
        JSON.stringify(testimony.quotes),
        testimony.status,
        account(testimony.statusBy),
        account(testimony.author),
      ],
    );
    testimonyIds.set(testimony.pole, row.id);
    for (const [position, { organisation, stages }] of testimony.collectivites.entries()) {
      await tx.query(`INSERT INTO testimony_collectivite (testimony_id, organisation_id, position, stages) VALUES ($1, $2, $3, $4)`, [
        row.id,
        organisationIds.get(organisation),
        position,
        stages,
      ]);
    }
    await storeDocument(tx, testimonyStoryDocument(row.id), (doc) => appendParagraphs(doc.getXmlFragment(TESTIMONY_STORY), testimony.story));
  }

  const spaceId = spaceIds.get(DEMO_GUIDE_POLE);
  if (!spaceId) throw new Error(`No demo space ${DEMO_GUIDE_POLE}`);
  const decider = account('animatrice@demo.concerto.fr');
  for (const [i, r] of DEMO_RECOMMENDATIONS.entries()) {
    const decided = r.status === 'retained' || r.status === 'set_aside';
    // Oldest first, a minute apart, so that the board reads in the order they were proposed.
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO recommendation (space_id, statement, rationale, levers, stages, levels, status, decided_by_id, decided_at, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8::uuid IS NULL THEN NULL ELSE now() END, $9,
               now() - make_interval(mins => $10), now() - make_interval(mins => $10)) RETURNING id`,
      [spaceId, r.statement, r.rationale, r.levers, r.stages, r.levels, r.status, decided ? decider : null, account(r.author), DEMO_RECOMMENDATIONS.length - i],
    );
    for (const pole of r.testimonies) {
      await tx.query(`INSERT INTO recommendation_testimony (recommendation_id, testimony_id) VALUES ($1, $2)`, [row.id, testimonyIds.get(pole)]);
    }
  }

  for (const [position, analysis] of DEMO_ANALYSES.entries()) {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO analysis (space_id, title, scope_kind, scope_key, position, created_by_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [spaceId, analysis.title, analysis.scope.kind, analysis.scope.key, position, decider],
    );
    await storeDocument(tx, analysisTextDocument(row.id), (doc) => appendParagraphs(doc.getXmlFragment(ANALYSIS_TEXT), analysis.text));
  }

  // The skeleton (written by its fixed client, as the server's first load would) and the introduction's own paragraph.
  await storeDocument(tx, guideDocument(spaceId), (doc) => {
    const introduction = readSections(doc)[0];
    appendParagraphs(doc.getXmlFragment(sectionContentKey(introduction.id)), [DEMO_GUIDE_INTRODUCTION]);
  });
}
