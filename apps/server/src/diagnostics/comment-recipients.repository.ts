import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { testimonyStoryDocument } from '@concerto/collab';
import type { CommentedDocument } from './comments.repository.js';

/** Who wrote what a comment is about, and who wrote in a thread. The notifications service keeps only the space's members. */
@Injectable()
export class CommentRecipientsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The authors of a thread: its first comment's and its replies' (accounts still there). */
  async threadWriters(threadId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { author_id: string }[] = await db.query(
      `SELECT DISTINCT author_id FROM diagnostic_comment WHERE (id = $1 OR parent_id = $1) AND author_id IS NOT NULL`,
      [threadId],
    );
    return rows.map((r) => r.author_id);
  }

  /**
   * Who wrote the commented content: for a testimony, who created it and who edited its story; for a diagnostic
   * section, who last set its score, justification or status (the diagnostic's text is co-edited as one document, so
   * who wrote which section's words is not known).
   */
  async contentWriters(doc: CommentedDocument, sectionId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { id: string }[] =
      doc.kind === 'testimony'
        ? await db.query(
            `SELECT created_by_id AS id FROM testimony WHERE id = $1 AND space_id = $2
             UNION SELECT account_id FROM collab_contribution WHERE doc = $3`,
            [doc.testimonyId, doc.spaceId, testimonyStoryDocument(doc.testimonyId)],
          )
        : await db.query(`SELECT updated_by_id AS id FROM diagnostic_section_state WHERE space_id = $1 AND section_id = $2 AND updated_by_id IS NOT NULL`, [
            doc.spaceId,
            sectionId,
          ]);
    return rows.map((r) => r.id).filter((id) => id !== null);
  }

  /** What the comment is on, as the notification names it: the testimony's title (none for the diagnostic). */
  async title(doc: CommentedDocument, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    if (doc.kind !== 'testimony') return undefined;
    const rows: { title: string }[] = await db.query(`SELECT title FROM testimony WHERE id = $1`, [doc.testimonyId]);
    return rows[0]?.title;
  }
}
