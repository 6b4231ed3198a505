import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, organisations, poles, concertation spaces, memberships and invitations. */
export class Foundation1763800000000 implements MigrationInterface {
  name = 'Foundation1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('collectivite', 'ess_network', 'member_structure')),
        name text NOT NULL,
        territory text NOT NULL DEFAULT '',
        collectivite_level text CHECK (collectivite_level IN ('commune', 'epci', 'department', 'region', 'state', 'europe', 'pnr_petr')),
        structure_kind text CHECK (structure_kind IN ('private', 'public', 'social_economy', 'institution', 'research', 'training')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_level_matches_kind CHECK ((kind = 'collectivite') = (collectivite_level IS NOT NULL)),
        CONSTRAINT organisation_structure_kind_matches_kind CHECK ((kind = 'member_structure') = (structure_kind IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX organisation_kind_name_key ON organisation (kind, lower(name))`);

    await q.query(`
      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
        organisation_id uuid REFERENCES organisation (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX account_email_key ON account (email)`);
    await q.query(`CREATE INDEX account_organisation_id_idx ON account (organisation_id)`);

    await q.query(`
      CREATE TABLE auth_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent text NOT NULL DEFAULT '',
        ip text NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE UNIQUE INDEX auth_session_token_hash_key ON auth_session (token_hash)`);
    await q.query(`CREATE INDEX auth_session_account_id_idx ON auth_session (account_id)`);

    await q.query(`
      CREATE TABLE pole (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        territory text NOT NULL DEFAULT '',
        description text NOT NULL DEFAULT '',
        collectivite_levels text[] NOT NULL DEFAULT '{}',
        collectivite_services text[] NOT NULL DEFAULT '{}',
        legal_form text CHECK (legal_form IN ('association', 'cooperative')),
        stage text CHECK (stage IN ('prefiguration', 'seeding', 'development', 'sustainability')),
        perimeter text CHECK (perimeter IN ('intercommunality', 'pays_parc', 'department', 'region')),
        implantation text CHECK (implantation IN ('urban', 'periurban', 'rural')),
        member_structure_count integer CHECK (member_structure_count >= 0),
        structure_kinds text[] NOT NULL DEFAULT '{}',
        sectors text[] NOT NULL DEFAULT '{}',
        activity_natures text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pole_id uuid NOT NULL REFERENCES pole (id) ON DELETE RESTRICT,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX space_pole_id_idx ON space (pole_id)`);

    await q.query(`
      CREATE TABLE space_membership (
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('animateur', 'contributeur', 'observateur')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, account_id)
      )`);
    await q.query(`CREATE INDEX space_membership_account_id_idx ON space_membership (account_id)`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('animateur', 'contributeur', 'observateur')),
        token text NOT NULL,
        invited_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX invitation_token_key ON invitation (token)`);
    await q.query(`CREATE UNIQUE INDEX invitation_open_per_email_key ON invitation (space_id, email) WHERE accepted_at IS NULL AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['invitation', 'space_membership', 'space', 'pole', 'auth_session', 'account', 'organisation']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
