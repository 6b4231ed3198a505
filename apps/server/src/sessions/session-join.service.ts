import { randomBytes, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  JoinCode,
  type JoinCodeView,
  type JoinPreview,
  type JoinRequest,
  type JoinedView,
  type Locale,
} from '@concerto/domain';
import type { SessionAccess } from '../access/session-roles.js';
import { AccessChanges } from '../auth/access-changes.js';
import { AuthService, type ClientInfo } from '../auth/auth.service.js';
import { hashToken } from '../auth/session-token.js';
import { ApiException, conflict, notFound } from '../common/api-exception.js';
import type { RequestAuth } from '../common/request-auth.js';
import { EventsPublisher } from '../events/events-publisher.js';
import { JoinLimits } from './join-limits.js';
import { type JoinTarget, SessionJoinRepository } from './session-join.repository.js';

/** How long a participant's token lives: the day of the workshop (the animateur can remove them before). */
export const PARTICIPANT_TOKEN_TTL_MS = 24 * 3600_000;

/** A client of the join routes: where it connects from, and the device cookie it holds (if any). */
export interface JoiningClient extends ClientInfo {
  deviceToken: string | undefined;
  locale: Locale;
}

/** A join's outcome: the participant, its token and the device token the cookies keep. */
export interface Joined {
  view: JoinedView;
  token: string;
  deviceToken: string;
}

export function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('');
}

/**
 * Joining a live session without an account: the animateur opens, rotates or closes the session's code; a participant
 * joins with it (display name, optional organisation) and gets a token of its own for that session, revocable at once
 * (removal revokes it: its requests are refused and its sockets closed). One device (its httpOnly device cookie) is
 * one participant: joining again resumes it, so it cannot vote twice. Wrong codes are rate-limited per address.
 */
@Injectable()
export class SessionJoinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SessionJoinRepository,
    private readonly limits: JoinLimits,
    private readonly auth: AuthService,
    private readonly accessChanges: AccessChanges,
    private readonly events: EventsPublisher,
  ) {}

  async code(access: SessionAccess): Promise<JoinCodeView> {
    return { code: await this.repository.codeOf(access.sessionId) };
  }

  /** Opens joining by code, or replaces the code (the old link stops working at once). */
  async rotate(access: SessionAccess): Promise<JoinCodeView> {
    if (access.status === 'closed') throw conflict('session_closed');
    for (;;) {
      const code = newJoinCode();
      if (await this.repository.setCode(access.sessionId, code)) return { code };
    }
  }

  async close(access: SessionAccess): Promise<void> {
    await this.repository.closeCode(access.sessionId);
  }

  async preview(rawCode: string, client: JoiningClient): Promise<JoinPreview> {
    const target = await this.target(rawCode, client);
    const known = client.deviceToken ? await this.repository.participantOfDevice(target.sessionId, hashToken(client.deviceToken)) : undefined;
    return { sessionTitle: target.title, status: target.status, resumeAs: known && !known.removed ? known.displayName : null };
  }

  async join(rawCode: string, body: JoinRequest, client: JoiningClient, current: RequestAuth | undefined): Promise<Joined> {
    // Joining by code would replace an account's own sign-in cookie: that person opens the session from their space.
    if (current && !current.participantSessionId) throw conflict('signed_in_account');
    const target = await this.target(rawCode, client);
    await this.limits.consumeJoin(this.limits.addressesOf(client));
    const deviceToken = client.deviceToken ?? randomBytes(32).toString('base64url');
    const deviceHash = hashToken(deviceToken);
    const { accountId, resumed, displayName, organisation } = await this.dataSource.transaction(async (tx) => {
      await this.repository.lockDevice(target.sessionId, deviceHash, tx);
      const known = await this.repository.participantOfDevice(target.sessionId, deviceHash, tx);
      if (known?.removed) throw new ApiException(403, 'participant_removed');
      if (known) return { accountId: known.accountId, resumed: true, displayName: known.displayName, organisation: known.organisation };
      const organisationName = body.organisation ?? null;
      const id = await this.repository.insertParticipant(
        { sessionId: target.sessionId, displayName: body.displayName, organisation: organisationName, deviceHash, locale: client.locale },
        tx,
      );
      return { accountId: id, resumed: false, displayName: body.displayName, organisation: organisationName };
    });
    const { token } = await this.auth.openParticipantSession(accountId, client, PARTICIPANT_TOKEN_TTL_MS);
    if (!resumed) this.notifyChanged(target);
    return { view: { sessionId: target.sessionId, accountId, displayName, organisation, resumed }, token, deviceToken };
  }

  /** Removes a participant: its token stops working at once (HTTP and sockets), its device cannot join again. */
  async remove(access: SessionAccess, accountId: string): Promise<void> {
    if (!(await this.repository.removeParticipant(access.sessionId, accountId))) throw notFound();
    for (const authSessionId of await this.auth.revokeAccountSessions(accountId)) this.accessChanges.authSessionRevoked(authSessionId);
    await this.events.leaveConcertationSession(access.sessionId, accountId);
    this.notifyChanged(access);
  }

  /** The session a code opens; a malformed, unknown, rotated or closed code is one clear 404 and counts as a failure. */
  private async target(rawCode: string, client: JoiningClient): Promise<JoinTarget> {
    const addresses = this.limits.addressesOf(client);
    await this.limits.requireNotBlocked(addresses);
    const parsed = JoinCode.safeParse(rawCode);
    const target = parsed.success ? await this.repository.targetOf(parsed.data) : undefined;
    if (!target) {
      await this.limits.recordFailure(addresses);
      throw new ApiException(404, 'join_code_invalid');
    }
    if (target.status === 'closed') throw conflict('session_closed');
    return target;
  }

  private notifyChanged(target: { sessionId: string; spaceId: string }): void {
    this.events.notifyConcertationSession(target.sessionId, { spaceId: target.spaceId, entity: 'session', id: target.sessionId, op: 'updated' });
  }
}
