import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AccountView, Locale, UpdateMeRequest } from '@concerto/domain';
import { Account } from './account.entity.js';
import { toAccountView } from './account-view.js';

export interface NewAccount {
  email: string;
  passwordHash: string;
  displayName: string;
  locale: Locale;
  organisationId: string | null;
}

/** What signing in checks: the account of an address and its password hash. */
export interface AccountCredentials {
  id: string;
  passwordHash: string;
}

/** Who a password reset mail is for. */
export interface AccountForReset {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
}

/**
 * The `account` table. Accounts come back in their API shape (the password hash only through `findCredentials`);
 * reads and writes go through the data source, or through the transaction passed as the last argument.
 */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the new account's id, or undefined when the address is taken. */
  async insertUnlessTaken(account: NewAccount, db: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const rows: { id: string }[] = await db.query(
      `INSERT INTO account (email, password_hash, display_name, locale, organisation_id)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [account.email, account.passwordHash, account.displayName, account.locale, account.organisationId],
    );
    return rows[0]?.id;
  }

  async findCredentials(email: string, db: EntityManager = this.dataSource.manager): Promise<AccountCredentials | undefined> {
    const rows: { id: string; password_hash: string }[] = await db.query(`SELECT id, password_hash FROM account WHERE email = $1`, [email]);
    return rows[0] && { id: rows[0].id, passwordHash: rows[0].password_hash };
  }

  async findForReset(email: string, db: EntityManager = this.dataSource.manager): Promise<AccountForReset | undefined> {
    const rows: { id: string; email: string; display_name: string; locale: Locale }[] = await db.query(
      `SELECT id, email, display_name, locale FROM account WHERE email = $1`,
      [email],
    );
    return rows[0] && { id: rows[0].id, email: rows[0].email, displayName: rows[0].display_name, locale: rows[0].locale };
  }

  async setPasswordHash(accountId: string, passwordHash: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.query(`UPDATE account SET password_hash = $2, updated_at = now() WHERE id = $1`, [accountId, passwordHash]);
  }

  /** The account with its organisation. */
  async findView(accountId: string, db: EntityManager = this.dataSource.manager): Promise<AccountView | undefined> {
    const account = await db.getRepository(Account).findOne({ where: { id: accountId }, relations: { organisation: true } });
    return account ? toAccountView(account) : undefined;
  }

  async update(accountId: string, changes: UpdateMeRequest, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(Account).update({ id: accountId }, changes);
  }
}
