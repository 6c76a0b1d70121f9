import { type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * The whole first schema, hand-written. Times are timestamptz, Asterisk ids are text, and every
 * table fed by the record writer has a natural unique key so that re-sent records upsert.
 * The entities must describe exactly this: `schema-agreement.int-spec.ts` checks it in CI.
 */
const UP = [
  `CREATE TABLE "team" (
    "id" text NOT NULL, "name" text NOT NULL, "active" boolean NOT NULL DEFAULT true,
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_team" PRIMARY KEY ("id"))`,
  `CREATE TABLE "agent" (
    "id" text NOT NULL, "name" text NOT NULL, "team_id" text, "hire_date" date NOT NULL, "quota" integer,
    "interfaces" text[] NOT NULL, "devices" text[] NOT NULL, "active" boolean NOT NULL DEFAULT true,
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_agent" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_agent_team" ON "agent" ("team_id")`,
  `CREATE TABLE "agent_session" (
    "agent_id" text NOT NULL, "login_at" timestamptz NOT NULL, "logout_at" timestamptz, "day" date NOT NULL,
    CONSTRAINT "pk_agent_session" PRIMARY KEY ("agent_id", "login_at"))`,
  `CREATE INDEX "ix_agent_session_day" ON "agent_session" ("day")`,
  `CREATE TABLE "agent_state_interval" (
    "agent_id" text NOT NULL, "started_at" timestamptz NOT NULL, "ended_at" timestamptz, "status" text NOT NULL,
    "direction" text, "held" boolean NOT NULL DEFAULT false, "pause_reason" text, "logged_in" boolean NOT NULL,
    "resync" boolean NOT NULL DEFAULT false, "day" date NOT NULL,
    CONSTRAINT "pk_agent_state_interval" PRIMARY KEY ("agent_id", "started_at"))`,
  `CREATE INDEX "ix_agent_state_interval_day" ON "agent_state_interval" ("day")`,
  `CREATE TABLE "pause_interval" (
    "agent_id" text NOT NULL, "started_at" timestamptz NOT NULL, "reason" text NOT NULL, "ended_at" timestamptz,
    "limit_seconds" integer NOT NULL, "over_limit" boolean NOT NULL DEFAULT false, "over_limit_at" timestamptz,
    "day" date NOT NULL,
    CONSTRAINT "pk_pause_interval" PRIMARY KEY ("agent_id", "started_at"))`,
  `CREATE INDEX "ix_pause_interval_day" ON "pause_interval" ("day")`,
  `CREATE TABLE "call_leg" (
    "id" text NOT NULL, "agent_id" text NOT NULL, "direction" text NOT NULL, "via" text NOT NULL,
    "transferred_in" boolean NOT NULL, "queue" text, "customer_number" text NOT NULL,
    "customer_uniqueid" text NOT NULL, "agent_uniqueid" text NOT NULL, "linkedid" text NOT NULL,
    "started_at" timestamptz NOT NULL, "answered_at" timestamptz, "ended_at" timestamptz NOT NULL,
    "outcome" text NOT NULL, "talk_seconds" numeric NOT NULL, "holds" integer NOT NULL,
    "hold_seconds" numeric NOT NULL, "transferred_out" text, "recorded" boolean NOT NULL,
    "effective" boolean NOT NULL, "rule_version" text NOT NULL, "day" date NOT NULL, "gap" text,
    "stored_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_call_leg" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_call_leg_agent_day" ON "call_leg" ("agent_id", "day")`,
  `CREATE INDEX "ix_call_leg_day" ON "call_leg" ("day")`,
  `CREATE INDEX "ix_call_leg_started_at" ON "call_leg" ("started_at")`,
  `CREATE INDEX "ix_call_leg_linkedid" ON "call_leg" ("linkedid")`,
  `CREATE TABLE "internal_call" (
    "caller_uniqueid" text NOT NULL, "callee_agent_id" text NOT NULL, "agent_id" text NOT NULL,
    "started_at" timestamptz NOT NULL, "answered" boolean NOT NULL, "day" date NOT NULL,
    CONSTRAINT "pk_internal_call" PRIMARY KEY ("caller_uniqueid", "callee_agent_id"))`,
  `CREATE INDEX "ix_internal_call_agent_day" ON "internal_call" ("agent_id", "day")`,
  `CREATE TABLE "daily_agent_counter" (
    "agent_id" text NOT NULL, "day" date NOT NULL, "effective" integer NOT NULL, "effective_unique" integer NOT NULL,
    "answered" integer NOT NULL, "dials" integer NOT NULL, "talk_seconds" numeric NOT NULL,
    "pause_seconds" numeric NOT NULL, "rule_version" text, "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_daily_agent_counter" PRIMARY KEY ("agent_id", "day"))`,
  `CREATE INDEX "ix_daily_agent_counter_day" ON "daily_agent_counter" ("day")`,
  `CREATE TABLE "recording" (
    "uniqueid" text NOT NULL, "started_at" timestamptz NOT NULL, "linkedid" text NOT NULL, "channel" text NOT NULL,
    "day" date NOT NULL, "file" text, "sha256" text, "size" bigint, "status" text NOT NULL DEFAULT 'started',
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_recording" PRIMARY KEY ("uniqueid", "started_at"))`,
  `CREATE INDEX "ix_recording_linkedid" ON "recording" ("linkedid")`,
  `CREATE INDEX "ix_recording_day" ON "recording" ("day")`,
  `CREATE TABLE "alert" (
    "id" BIGSERIAL NOT NULL, "kind" text NOT NULL, "agent_id" text NOT NULL, "at" timestamptz NOT NULL,
    "payload" jsonb NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_alert" PRIMARY KEY ("id"),
    CONSTRAINT "uq_alert_kind_agent_at" UNIQUE ("kind", "agent_id", "at"))`,
  `CREATE INDEX "ix_alert_at" ON "alert" ("at")`,
  `CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL, "at" timestamptz NOT NULL DEFAULT now(), "actor" text NOT NULL,
    "action" text NOT NULL, "target" text, "details" jsonb,
    CONSTRAINT "pk_audit_log" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at")`,
  `CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor")`,
  `CREATE TABLE "app_user" (
    "id" uuid NOT NULL, "username" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL,
    "team_id" text, "agent_id" text, "disabled" boolean NOT NULL DEFAULT false,
    "created_at" timestamptz NOT NULL DEFAULT now(), "token_version" integer NOT NULL DEFAULT 0,
    CONSTRAINT "pk_app_user" PRIMARY KEY ("id"),
    CONSTRAINT "uq_app_user_username" UNIQUE ("username"),
    CONSTRAINT "ck_app_user_role" CHECK ("role" IN ('agent', 'team_leader', 'supervisor', 'qa', 'admin')))`,
  `CREATE INDEX "ix_app_user_team" ON "app_user" ("team_id")`,
];

const TABLES = [
  'app_user',
  'audit_log',
  'alert',
  'recording',
  'daily_agent_counter',
  'internal_call',
  'call_leg',
  'pause_interval',
  'agent_state_interval',
  'agent_session',
  'agent',
  'team',
];

export class InitialSchema1764288000000 implements MigrationInterface {
  name = 'InitialSchema1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
