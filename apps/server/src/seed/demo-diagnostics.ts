import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DocumentKind, SCHEMAS, diagnosticDocument, migrateDocument, readSections, sectionContentKey } from '@concerto/collab';
import type { CommentAnchor } from '@concerto/domain';
import { CommentsRepository } from '../diagnostics/comments.repository.js';
import { SectionStatesRepository } from '../diagnostics/section-states.repository.js';
import { VersionsRepository } from '../diagnostics/versions.repository.js';
import { frenchTimeDaysAgo } from './demo-clock.js';
import { appendParagraphs } from './demo-guide.js';
import { DEMO_DIAGNOSTICS_GRASSE_AUDRUICQ, type DemoDiagnostic } from './demo-diagnostics-content.js';
import { DEMO_DIAGNOSTICS_MORE } from './demo-diagnostics-more.js';

export const DEMO_DIAGNOSTICS = [...DEMO_DIAGNOSTICS_GRASSE_AUDRUICQ, ...DEMO_DIAGNOSTICS_MORE];

const DAY_MS = 86_400_000;

/** Base64 of a Yjs relative position, as the browser's editor encodes a comment's anchor. */
const encode = (position: Y.RelativePosition) => Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** The anchor of `quote` in a section's text: relative positions of its first character and of its end. */
function anchorOf(doc: Y.Doc, sectionId: string, quote: string): CommentAnchor {
  for (const paragraph of doc.getXmlFragment(sectionContentKey(sectionId)).toArray()) {
    const text = (paragraph as Y.XmlElement).get(0) as Y.XmlText | undefined;
    const at = text?.toString().indexOf(quote) ?? -1;
    if (!text || at < 0) continue;
    return {
      start: encode(Y.createRelativePositionFromTypeIndex(text, at)),
      end: encode(Y.createRelativePositionFromTypeIndex(text, at + quote.length)),
      quote,
    };
  }
  throw new Error(`Demo diagnostic: "${quote}" is not in ${sectionId}`);
}

/**
 * One space's diagnostic: the co-edited text (one stored update, as the server stores edits), the named version saved
 * before the sections marked `afterVersion` were written, each section's score/justification/status and the comment
 * threads anchored to their passages, through the diagnostics' repositories, dated in the past weeks.
 */
async function seedDiagnostic(tx: EntityManager, spaceId: string, content: DemoDiagnostic, account: (email: string) => string, now: number): Promise<void> {
  const name = diagnosticDocument(spaceId);
  const doc = new Y.Doc();
  migrateDocument(doc, SCHEMAS[DocumentKind.diagnostic]);
  const known = new Set(readSections(doc).map((s) => s.id));
  const write = (sections: DemoDiagnostic['sections']) =>
    doc.transact(() => {
      for (const section of sections) {
        if (!known.has(section.id)) throw new Error(`Demo diagnostic: no section ${section.id}`);
        appendParagraphs(doc.getXmlFragment(sectionContentKey(section.id)), section.paragraphs);
      }
    });
  write(content.sections.filter((s) => !s.afterVersion));
  const versionState = Buffer.from(Y.encodeStateAsUpdate(doc));
  const versionVector = Buffer.from(Y.encodeStateVector(doc));
  write(content.sections.filter((s) => s.afterVersion));
  await tx.query(`INSERT INTO collab_update (doc, data) VALUES ($1, $2)`, [name, Buffer.from(Y.encodeStateAsUpdate(doc))]);

  // Who wrote before the version (its contributors), and who wrote since.
  const versionAt = new Date(frenchTimeDaysAgo(now, content.version.daysAgo, 17));
  const writers = (after: boolean) => new Set(content.sections.filter((s) => Boolean(s.afterVersion) === after).map((s) => account(s.by)));
  const contributed = async (accountIds: Set<string>, at: Date) => {
    for (const accountId of accountIds) {
      await tx.query(
        `INSERT INTO collab_contribution (doc, account_id, last_edit_at) VALUES ($1, $2, $3) ON CONFLICT (doc, account_id) DO UPDATE SET last_edit_at = $3`,
        [name, accountId, at],
      );
    }
  };
  await contributed(writers(false), new Date(versionAt.getTime() - DAY_MS));
  const versions = new VersionsRepository(tx.connection);
  const versionId = await versions.insert(
    {
      spaceId,
      name: content.version.name,
      kind: 'manual',
      state: versionState,
      stateVector: versionVector,
      createdById: account(content.version.by),
      docName: name,
      contributorsSince: null,
    },
    tx,
  );
  await tx.query(`UPDATE diagnostic_version SET created_at = $2 WHERE id = $1`, [versionId, versionAt]);
  await contributed(writers(true), new Date(frenchTimeDaysAgo(now, 3, 16)));

  const states = new SectionStatesRepository(tx.connection);
  for (const [i, section] of content.sections.entries()) {
    await states.lockCreating(spaceId, section.id, tx);
    await states.update(spaceId, section.id, { score: section.score, justification: section.justification, status: section.status }, account(section.by), tx);
    const at = section.afterVersion ? frenchTimeDaysAgo(now, 2, 10, 10 * i) : versionAt.getTime() - (i + 1) * 20 * 60_000;
    await tx.query(`UPDATE diagnostic_section_state SET updated_at = $3 WHERE space_id = $1 AND section_id = $2`, [spaceId, section.id, new Date(at)]);
  }

  const comments = new CommentsRepository(tx.connection);
  const document = { kind: 'diagnostic' as const, spaceId };
  for (const thread of content.comments) {
    const at = frenchTimeDaysAgo(now, thread.daysAgo, 9, 30);
    const threadId = await comments.insert(
      {
        document,
        sectionId: thread.section,
        parentId: null,
        anchor: anchorOf(doc, thread.section, thread.quote),
        body: thread.body,
        authorId: account(thread.author),
        mentions: (thread.mentions ?? []).map(account),
      },
      tx,
    );
    await tx.query(`UPDATE diagnostic_comment SET created_at = $2 WHERE id = $1`, [threadId, new Date(at)]);
    for (const [n, reply] of thread.replies.entries()) {
      const replyId = await comments.insert(
        { document, sectionId: thread.section, parentId: threadId, anchor: null, body: reply.body, authorId: account(reply.author), mentions: [] },
        tx,
      );
      await tx.query(`UPDATE diagnostic_comment SET created_at = $2 WHERE id = $1`, [replyId, new Date(at + (n + 1) * 5 * 60 * 60_000)]);
    }
    if (thread.resolvedBy) {
      await comments.setResolved(threadId, true, account(thread.resolvedBy), tx);
      await tx.query(`UPDATE diagnostic_comment SET resolved_at = $2 WHERE id = $1`, [threadId, new Date(at + DAY_MS)]);
    }
  }
  doc.destroy();
}

/** The five demo diagnostics (`demo-diagnostics-content.ts`), inside the seed's transaction. */
export async function seedDemoDiagnostics(tx: EntityManager, spaceIds: Map<string, string>, accountIds: Map<string, string>, now = Date.now()): Promise<void> {
  const account = (email: string) => {
    const id = accountIds.get(email);
    if (!id) throw new Error(`No demo account ${email}`);
    return id;
  };
  for (const content of DEMO_DIAGNOSTICS) {
    const spaceId = spaceIds.get(content.pole);
    if (!spaceId) throw new Error(`No demo space ${content.pole}`);
    await seedDiagnostic(tx, spaceId, content, account, now);
  }
}
