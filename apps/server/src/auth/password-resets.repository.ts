import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** A reset link as confirming it looks at. */
export interface PasswordResetToUse {
  id: string;
  accountId: string;
  expiresAt: Date;
  usedAt: Date | null;
}

interface PasswordResetRow {
  id: string;
  account_id: string;
  expires_at: Date;
  used_at: Date | null;
}

const mapPasswordResetRow = (r: PasswordResetRow): PasswordResetToUse => ({ id: r.id, accountId: r.account_id, expiresAt: r.expires_at, usedAt: r.used_at });

/** The `password_reset` table: one row per reset link, found by the SHA-256 (hex) of its token; the token is never stored. */
@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(accountId: string, tokenHash: string, expiresAt: Date, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`INSERT INTO password_reset (account_id, token_hash, expires_at) VALUES ($1, decode($2, 'hex'), $3)`, [accountId, tokenHash, expiresAt]);
  }

  /** The link of this token hash, locked until the end of the transaction `db` (two submissions: one wins). */
  async lockByHash(tokenHash: string, db: EntityManager): Promise<PasswordResetToUse | undefined> {
    const rows: PasswordResetRow[] = await db.query(
      `SELECT id, account_id, expires_at, used_at FROM password_reset WHERE token_hash = decode($1, 'hex') FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] ? mapPasswordResetRow(rows[0]) : undefined;
  }

  async findByHash(tokenHash: string, db: EntityManager = this.dataSource.manager): Promise<PasswordResetToUse | undefined> {
    const rows: PasswordResetRow[] = await db.query(`SELECT id, account_id, expires_at, used_at FROM password_reset WHERE token_hash = decode($1, 'hex')`, [
      tokenHash,
    ]);
    return rows[0] ? mapPasswordResetRow(rows[0]) : undefined;
  }

  /** Marks every unused link of the account used: once the password is changed, no older link works. */
  async useAllOf(accountId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE password_reset SET used_at = now() WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
  }
}
