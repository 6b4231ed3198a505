import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live concertation sessions: agenda with server-side timers, participants (members invited, guests of one
 * session), attendance, votes whose per-person rules are constraints of the database, decisions and minutes.
 */
export class ConcertationSessions1764100000000 implements MigrationInterface {
  name = 'ConcertationSessions1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE concertation_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space (id) ON DELETE CASCADE,
        title text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        place text NOT NULL DEFAULT '',
        link text NOT NULL DEFAULT '',
        mode text NOT NULL CHECK (mode IN ('in_person', 'remote', 'hybrid')),
        anonymous_notes boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'live', 'closed')),
        started_at timestamptz,
        closed_at timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX concertation_session_space_id_idx ON concertation_session (space_id, scheduled_at)`);

    await q.query(`
      CREATE TABLE agenda_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES concertation_session (id) ON DELETE CASCADE,
        position integer NOT NULL,
        title text NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
        lever text,
        diagnostic_section_id text,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'current', 'done')),
        extra_ms bigint NOT NULL DEFAULT 0 CHECK (extra_ms >= 0),
        elapsed_ms bigint NOT NULL DEFAULT 0 CHECK (elapsed_ms >= 0),
        running_since timestamptz,
        started_at timestamptz,
        ended_at timestamptz,
        CONSTRAINT agenda_item_runs_only_when_current CHECK (running_since IS NULL OR status = 'current'),
        UNIQUE (session_id, position)
      )`);
    // At most one current item per session.
    await q.query(`CREATE UNIQUE INDEX agenda_item_one_current_key ON agenda_item (session_id) WHERE status = 'current'`);

    await q.query(`
      CREATE TABLE session_participant (
        session_id uuid NOT NULL REFERENCES concertation_session (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('member', 'guest')),
        invited boolean NOT NULL DEFAULT true,
        attended_at timestamptz,
        PRIMARY KEY (session_id, account_id)
      )`);
    await q.query(`CREATE INDEX session_participant_account_id_idx ON session_participant (account_id)`);

    await q.query(`
      CREATE TABLE vote (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES concertation_session (id) ON DELETE CASCADE,
        agenda_item_id uuid REFERENCES agenda_item (id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('dot', 'consent', 'score')),
        title text NOT NULL,
        options jsonb NOT NULL DEFAULT '[]',
        dots_per_participant integer NOT NULL DEFAULT 8 CHECK (dots_per_participant BETWEEN 1 AND 50),
        results_visibility text NOT NULL CHECK (results_visibility IN ('live', 'on_close')),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX vote_session_id_idx ON vote (session_id)`);

    // One ballot per person and vote; the dot budget is a constraint of the row, so no race can overspend it.
    await q.query(`
      CREATE TABLE vote_ballot (
        vote_id uuid NOT NULL REFERENCES vote (id) ON DELETE CASCADE,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        dot_budget integer NOT NULL,
        dots_used integer NOT NULL DEFAULT 0,
        answer text CHECK (answer IN ('agree', 'abstain', 'disagree', 'objection')),
        reason text NOT NULL DEFAULT '',
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (vote_id, account_id),
        CONSTRAINT vote_ballot_dots_within_budget CHECK (dots_used BETWEEN 0 AND dot_budget),
        CONSTRAINT vote_ballot_objection_has_reason CHECK (answer IS DISTINCT FROM 'objection' OR length(trim(reason)) >= 3)
      )`);
    await q.query(`
      CREATE TABLE vote_choice (
        vote_id uuid NOT NULL,
        account_id uuid NOT NULL,
        option_key text NOT NULL,
        dots integer NOT NULL DEFAULT 0 CHECK (dots >= 0),
        score integer CHECK (score BETWEEN 0 AND 5),
        PRIMARY KEY (vote_id, account_id, option_key),
        FOREIGN KEY (vote_id, account_id) REFERENCES vote_ballot (vote_id, account_id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE session_decision (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES concertation_session (id) ON DELETE CASCADE,
        agenda_item_id uuid REFERENCES agenda_item (id) ON DELETE SET NULL,
        text text NOT NULL,
        project_id uuid REFERENCES project (id) ON DELETE SET NULL,
        created_by_id uuid REFERENCES account (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX session_decision_session_id_idx ON session_decision (session_id)`);

    await q.query(`
      CREATE TABLE session_minutes (
        session_id uuid PRIMARY KEY REFERENCES concertation_session (id) ON DELETE CASCADE,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'session_minutes',
      'session_decision',
      'vote_choice',
      'vote_ballot',
      'vote',
      'session_participant',
      'agenda_item',
      'concertation_session',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
