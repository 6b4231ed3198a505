import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type DocumentRef, DocumentKind } from '@concerto/collab';
import { type SpaceRole, roleAtLeast } from '@concerto/domain';
import { ApiException, forbidden, notFound } from '../common/api-exception.js';
import type { CollectiviteLevelGate } from '../organisations/collectivite-level-gate.js';
import { AccessRepository } from './access.repository.js';
import { type SessionAccess, boardRole, sessionAccessFrom } from './session-roles.js';

/** Where something that notifies happened: a space, or a concertation session of it (whose guests see it too). */
export type NotificationPlace = { kind: 'space' } | { kind: 'session'; sessionId: string };

/**
 * The one place that answers "may this account do this to that": roles in a space, in a concertation session, on a
 * co-edited document, the pole profile, the /events rooms, who may be mentioned or invited. Guards, gateways, the
 * co-editing engine and services ask it; no other file reads memberships to decide access.
 *
 * Rules: a space's members act with their role (observateur < contributeur < animateur). A session's space members keep
 * their role in it and its guests are contributeurs of that session only; its board is read-only once it is closed.
 * A diagnostic and a guide belong to their space, project notes to their project's space, a testimony's story and an analysis
 * chapter to their space. The pole profile, shown in every space of
 * the pole, is changed by the animateurs of any of its spaces and by the contributeurs of its main space (the first
 * one, opened with the pole).
 * An organisation's collectivité level decides where its money is counted in the observatory: once a space names the
 * organisation (partner, funder, related collectivité, testimony), only an animateur of such a space may change it;
 * before that, its members (its creator) may still correct it.
 * A saved sample selection is its owner's alone, and holds only poles of the owner's observatory scope.
 * A participant who joined a live session by code (no account) is a contributeur of that session only: it reaches
 * only the routes marked `@OpenToParticipants()` (and through them only its session), follows only that session's
 * /events room and board, and is never notified.
 */
@Injectable()
export class AccessPolicy implements CollectiviteLevelGate {
  constructor(private readonly repository: AccessRepository) {}

  async spaceRole(spaceId: string, accountId: string): Promise<SpaceRole | undefined> {
    return (await this.repository.spaceRoles(spaceId, [accountId])).get(accountId);
  }

  /** 404 for non-members (a space's existence does not leak), 403 when the role is not enough. */
  async requireSpaceRole(spaceId: string, accountId: string, required: SpaceRole): Promise<SpaceRole> {
    const role = await this.spaceRole(spaceId, accountId);
    if (!role) throw notFound();
    if (!roleAtLeast(role, required)) throw forbidden();
    return role;
  }

  async sessionAccess(sessionId: string, accountId: string): Promise<SessionAccess | undefined> {
    return sessionAccessFrom((await this.repository.sessionStandings(sessionId, [accountId])).get(accountId));
  }

  /** 404 when the caller has no place in the session, 403 when its role there is not enough. */
  async requireSessionRole(sessionId: string, accountId: string, required: SpaceRole): Promise<SessionAccess> {
    const access = await this.sessionAccess(sessionId, accountId);
    if (!access) throw notFound();
    if (!roleAtLeast(access.role, required)) throw forbidden();
    return access;
  }

  /** The caller's role on a co-edited document, or undefined (no access, or no such document). */
  async documentRole(ref: DocumentRef, accountId: string): Promise<SpaceRole | undefined> {
    return (await this.documentRoles(ref, [accountId])).get(accountId);
  }

  /** Current roles of several accounts on one document (the co-editing engine re-checks its connections with it). */
  async documentRoles(ref: DocumentRef, accountIds: string[]): Promise<Map<string, SpaceRole>> {
    switch (ref.kind) {
      case DocumentKind.diagnostic:
      case DocumentKind.guide:
        return this.repository.spaceRoles(ref.ownerId, accountIds);
      case DocumentKind.projectNotes:
        return this.rolesInSpaceOf(await this.repository.spaceOfProject(ref.ownerId), accountIds);
      case DocumentKind.testimonyStory:
        return this.rolesInSpaceOf(await this.repository.spaceOfTestimony(ref.ownerId), accountIds);
      case DocumentKind.analysisText:
        return this.rolesInSpaceOf(await this.repository.spaceOfAnalysis(ref.ownerId), accountIds);
      case DocumentKind.sessionBoard: {
        const roles = new Map<string, SpaceRole>();
        for (const [accountId, standing] of await this.repository.sessionStandings(ref.ownerId, accountIds)) {
          const access = sessionAccessFrom(standing);
          if (access) roles.set(accountId, boardRole(access));
        }
        return roles;
      }
    }
  }

  private async rolesInSpaceOf(spaceId: string | undefined, accountIds: string[]): Promise<Map<string, SpaceRole>> {
    return spaceId ? this.repository.spaceRoles(spaceId, accountIds) : new Map();
  }

  /**
   * The spaces an observatory reading (the cross-pole guide) covers: those the account belongs to, whatever its role,
   * or those of them it chose; a chosen space it does not belong to is 404 (a space's existence does not leak).
   */
  async followedSpaces(accountId: string, chosen?: readonly string[]): Promise<string[]> {
    const followed = await this.repository.spacesOfAccount(accountId);
    if (!chosen) return followed;
    const known = new Set(followed);
    if (chosen.some((id) => !known.has(id))) throw notFound();
    return [...new Set(chosen)];
  }

  /**
   * The sample builder: a set of poles is taken from the observatory's scope (the poles of the caller's spaces).
   * Saving a selection that names a pole outside it is refused (400 `pole_outside_scope`, the poles named); a pole
   * that later leaves the owner's scope stays in the selection and counts in no figure.
   */
  async requirePolesInScope(accountId: string, poleIds: readonly string[], db?: EntityManager): Promise<void> {
    const inScope = await this.repository.polesInScope(accountId, [...poleIds], db);
    const outside = poleIds.map((id, index) => ({ id, index })).filter(({ id }) => !inScope.has(id));
    if (outside.length > 0) {
      throw new ApiException(
        400,
        'pole_outside_scope',
        outside.map(({ id, index }) => ({ path: `poleIds.${index}`, message: `Pole ${id} is not in your scope` })),
      );
    }
  }

  /** Which of these poles are in the caller's observatory scope (the others are ignored, and said so). */
  polesInScope(accountId: string, poleIds: readonly string[], db?: EntityManager): Promise<Set<string>> {
    return this.repository.polesInScope(accountId, [...poleIds], db);
  }

  /** A saved sample selection is private to its owner: anyone else gets 404 (its existence does not leak). */
  async requireSelectionOwner(selectionId: string, accountId: string, db?: EntityManager): Promise<void> {
    if ((await this.repository.selectionOwner(selectionId, db)) !== accountId) throw notFound();
  }

  /**
   * The poles a yearly survey campaign asks: those of the spaces the account follows (its observatory scope, as
   * `followedSpaces`), or of the ones it chose among them.
   */
  async followedPoles(accountId: string, chosenSpaceIds?: readonly string[]): Promise<string[]> {
    return this.repository.polesOfSpaces(await this.followedSpaces(accountId, chosenSpaceIds));
  }

  /**
   * A survey campaign is managed (read, reminders) by the account that opened it; to anyone else it does not exist.
   * A pole answers it through whoever may change its profile (the pole-profile rule, `@ChangesPoleProfile`): the
   * answer rewrites the profile's facts, the cellule's funding and the relations.
   */
  requireSurveyOpener(openedById: string | undefined, accountId: string): void {
    if (openedById !== accountId) throw notFound();
  }

  /**
   * The participant principal (joined a live session by code): it may use a route only when the route is open to
   * participants; anywhere else it does not exist (404), so nothing of the space leaks. Session routes then check
   * that the session is its own (`requireSessionRole`).
   */
  requireParticipantMayUse(routeOpenToParticipants: boolean): void {
    if (!routeOpenToParticipants) throw notFound();
  }

  /** A space's /events room: its members, whatever their role. */
  async mayFollowSpace(spaceId: string, accountId: string): Promise<boolean> {
    return (await this.spaceRole(spaceId, accountId)) !== undefined;
  }

  /** A session's /events room: whoever has a place in the session (members of its space and its guests). */
  async mayFollowSession(sessionId: string, accountId: string): Promise<boolean> {
    return (await this.sessionAccess(sessionId, accountId)) !== undefined;
  }

  /** Whether the account may change the profile of the space's pole (see the rule above). */
  async mayEditPoleProfile(spaceId: string, accountId: string): Promise<boolean> {
    const standing = await this.repository.poleStanding(spaceId, accountId);
    if (!standing) return false;
    return standing.animatesPole || (standing.mainSpaceRole !== null && roleAtLeast(standing.mainSpaceRole, 'contributeur'));
  }

  /** 403 `pole_profile_reserved` unless the account may change the pole's profile. */
  async requirePoleEditor(spaceId: string, accountId: string): Promise<void> {
    if (!(await this.mayEditPoleProfile(spaceId, accountId))) throw forbidden('pole_profile_reserved');
  }

  /** Whether the account may change the organisation's collectivité level (see the rule above). */
  async mayChangeCollectiviteLevel(organisationId: string, accountId: string): Promise<boolean> {
    const standing = await this.repository.organisationStanding(organisationId, accountId);
    return standing.namedInSpaces ? standing.animatesNamingSpace : standing.member;
  }

  /** 403 `collectivite_level_reserved` unless the account may change the organisation's collectivité level. */
  async requireCollectiviteLevelEditor(organisationId: string, accountId: string): Promise<void> {
    if (!(await this.mayChangeCollectiviteLevel(organisationId, accountId))) throw forbidden('collectivite_level_reserved');
  }

  /** The poles the account works on, each with whether it may open a new space for it (it animates one of its spaces). */
  polesOf(accountId: string): Promise<Map<string, boolean>> {
    return this.repository.polesOfAccount(accountId);
  }

  /** Opening a new space for an existing pole is for the animateurs of that pole's spaces. */
  async requirePoleAnimateur(poleId: string, accountId: string, db?: EntityManager): Promise<void> {
    if (!(await this.repository.animatesPole(poleId, accountId, db))) throw forbidden('pole_not_managed');
  }

  /**
   * Who may be mentioned in a space, or invited to one of its sessions as a member: its members. Returns the index of
   * the first account that is not one, or -1.
   */
  async firstNonMember(spaceId: string, accountIds: string[], db?: EntityManager): Promise<number> {
    if (accountIds.length === 0) return -1;
    const roles = await this.repository.spaceRoles(spaceId, accountIds, db);
    return accountIds.findIndex((id) => !roles.has(id));
  }

  /**
   * Which of these accounts may see a place now: the space's members, and for a concertation session also its guests.
   * Notifications are created only for them.
   */
  async whoMaySee(spaceId: string, place: NotificationPlace, accountIds: string[], db?: EntityManager): Promise<Set<string>> {
    if (place.kind === 'space') return this.membersAmong(spaceId, accountIds, db);
    const standings = await this.repository.sessionStandings(place.sessionId, accountIds, db);
    // Participants who joined by code are not accounts: they are never notified (nor reached by a digest).
    return new Set(
      [...standings].filter(([, standing]) => standing.spaceId === spaceId && !standing.participant && sessionAccessFrom(standing)).map(([id]) => id),
    );
  }

  /**
   * The places an account may see now, for filtering what it reads (its notifications): the spaces it belongs to and
   * the sessions it is a guest of.
   */
  async visiblePlaces(accountId: string, db?: EntityManager): Promise<{ spaceIds: string[]; sessionIds: string[] }> {
    const [spaceIds, sessionIds] = await Promise.all([this.repository.spacesOfAccount(accountId, db), this.repository.guestSessionsOf(accountId, db)]);
    return { spaceIds, sessionIds };
  }

  /** Which of these accounts are members of the space. */
  async membersAmong(spaceId: string, accountIds: string[], db?: EntityManager): Promise<Set<string>> {
    return new Set((await this.repository.spaceRoles(spaceId, accountIds, db)).keys());
  }
}
