import type { DataSource } from 'typeorm';
import { Account } from '../auth/account.entity.js';
import { hashPassword } from '../auth/password.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Pole } from '../poles/pole.entity.js';
import { SpaceMembership } from '../spaces/space-membership.entity.js';
import { Space } from '../spaces/space.entity.js';
import { seedDemoDiagnostics } from './demo-diagnostics.js';
import { seedDemoGuide } from './demo-guide.js';
import { seedDemoProjects } from './demo-projects.js';
import { seedDemoSessions } from './demo-sessions.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_POLES } from './demo-territory.js';

/** Seeds the demo territory once: if the first demo account exists, nothing is written. Returns whether it seeded. */
export async function seedDemoTerritory(dataSource: DataSource): Promise<boolean> {
  const marker = DEMO_PEOPLE[0].email;
  if (await dataSource.getRepository(Account).exists({ where: { email: marker } })) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (tx) => {
    // Serialise concurrent first starts (several replicas on one database).
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('concerto-demo-seed'))`);
    if (await tx.getRepository(Account).exists({ where: { email: marker } })) return;
    const organisationIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const saved = await tx.getRepository(Organisation).save({
        kind: o.kind,
        name: o.name,
        territory: o.territory,
        collectiviteLevel: o.collectiviteLevel ?? null,
        structureKind: o.structureKind ?? null,
      });
      organisationIds.set(o.key, saved.id);
    }
    const spaceIds = new Map<string, string>();
    for (const { key, space, ...profile } of DEMO_POLES) {
      const pole = await tx.getRepository(Pole).save(profile);
      const saved = await tx.getRepository(Space).save({ poleId: pole.id, title: space.title, description: space.description });
      spaceIds.set(key, saved.id);
    }
    let animatriceId = '';
    const accountIds = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const account = await tx.getRepository(Account).save({
        email: person.email,
        displayName: person.displayName,
        passwordHash,
        locale: 'fr',
        organisationId: organisationIds.get(person.organisation) ?? null,
      });
      animatriceId ||= account.id;
      accountIds.set(person.email, account.id);
      for (const [poleKey, role] of Object.entries(person.memberships)) {
        const spaceId = spaceIds.get(poleKey);
        if (spaceId && role) await tx.getRepository(SpaceMembership).insert({ spaceId, accountId: account.id, role });
      }
    }
    // One clock for the whole demo: milestones, sessions and comments are dated from today.
    const now = Date.now();
    await seedDemoProjects(tx, spaceIds, organisationIds, animatriceId, now);
    await seedDemoGuide(tx, spaceIds, organisationIds, accountIds);
    await seedDemoDiagnostics(tx, spaceIds, accountIds, now);
    await seedDemoSessions(tx, spaceIds, accountIds, new Map(DEMO_PEOPLE.map((p) => [p.email, p.displayName])), now);
  });
  return true;
}
