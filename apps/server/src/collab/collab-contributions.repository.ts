import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Someone edited a document. */
export interface Contribution {
  doc: string;
  accountId: string;
}

/** The SQL of `collab_contribution`: who edited which document, and when last. */
@Injectable()
export class CollabContributionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records several contributions in one statement (a known one gets its `last_edit_at` renewed). */
  async record(contributions: Contribution[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO collab_contribution (doc, account_id) SELECT unnest($1::text[]), unnest($2::uuid[])
       ON CONFLICT (doc, account_id) DO UPDATE SET last_edit_at = now()`,
      [contributions.map((c) => c.doc), contributions.map((c) => c.accountId)],
    );
  }
}
