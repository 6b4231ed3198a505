import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import { changedRows } from '../database/changed-rows.js';
import { AuthSession } from './auth-session.entity.js';
import type { Locale } from '@concerto/domain';
import type { RequestAuth } from '../common/request-auth.js';

export interface NewAuthSession {
  tokenHash: string;
  accountId: string;
  expiresAt: Date;
  ip: string;
  userAgent: string;
}

interface LiveSessionRow {
  session_id: string;
  expires_at: Date;
  id: string;
  email: string;
  display_name: string;
  locale: Locale;
  organisation_id: string | null;
  participant_session_id: string | null;
}

function mapLiveSessionRow(r: LiveSessionRow): RequestAuth & { expiresAt: Date } {
  return {
    authSessionId: r.session_id,
    expiresAt: r.expires_at,
    account: { id: r.id, email: r.email, displayName: r.display_name, locale: r.locale, organisationId: r.organisation_id },
    ...(r.participant_session_id ? { participantSessionId: r.participant_session_id } : {}),
  };
}

/** A session is live until it expires or is revoked. */
const live = () => ({ revokedAt: IsNull(), expiresAt: MoreThan(new Date()) });

/**
 * The `auth_session` table (signed-in browsers, found by the SHA-256 of their cookie token). Reads and writes go
 * through the data source, or through the transaction passed as the last argument.
 */
@Injectable()
export class AuthSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Returns the new session's id. */
  async insert(session: NewAuthSession, db: EntityManager = this.dataSource.manager): Promise<string> {
    const sessions = db.getRepository(AuthSession);
    const saved = await sessions.save(sessions.create(session));
    return saved.id;
  }

  async revoke(authSessionId: string, db: EntityManager = this.dataSource.manager): Promise<void> {
    await db.getRepository(AuthSession).update({ id: authSessionId }, { revokedAt: new Date() });
  }

  /** Revokes every live session of the account; returns their ids. */
  async revokeAllOf(accountId: string, db: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await changedRows<{ id: string }>(
      db,
      `UPDATE auth_session SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING id`,
      [accountId],
    );
    return rows.map((r) => r.id);
  }

  /** The live session of this token hash with its account, and until when it is valid: one statement. */
  async findLive(tokenHash: string, db: EntityManager = this.dataSource.manager): Promise<(RequestAuth & { expiresAt: Date }) | undefined> {
    const rows: LiveSessionRow[] = await db.query(
      `SELECT s.id AS session_id, s.expires_at, a.id, a.email, a.display_name, a.locale, a.organisation_id,
              jp.session_id AS participant_session_id
         FROM auth_session s JOIN account a ON a.id = s.account_id
         LEFT JOIN session_join_participant jp ON jp.account_id = a.id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [tokenHash],
    );
    return rows[0] ? mapLiveSessionRow(rows[0]) : undefined;
  }

  isLive(authSessionId: string, db: EntityManager = this.dataSource.manager): Promise<boolean> {
    return db.getRepository(AuthSession).exists({ where: { id: authSessionId, ...live() } });
  }
}
