import { Account } from './auth/account.entity.js';
import { AuthSession } from './auth/auth-session.entity.js';
import { Organisation } from './organisations/organisation.entity.js';
import { Pole } from './poles/pole.entity.js';
import { Invitation } from './spaces/invitation.entity.js';
import { SpaceMembership } from './spaces/space-membership.entity.js';
import { Space } from './spaces/space.entity.js';

/** Every area's TypeORM entities, handed to the database connection by the application (main.ts, the test harness). */
export const ENTITIES = [Account, AuthSession, Organisation, Pole, Space, SpaceMembership, Invitation];
