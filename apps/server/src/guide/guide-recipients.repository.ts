import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Who the guide's notifications are addressed to; the notifications service keeps only the space's current members. */
@Injectable()
export class GuideRecipientsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every member of the space, whatever the role. */
  async spaceMembers(spaceId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows: { account_id: string }[] = await db.query(`SELECT account_id FROM space_membership WHERE space_id = $1`, [spaceId]);
    return rows.map((r) => r.account_id);
  }
}
