import { type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * The quota day (libs/workforce): schedule overrides, rule versions, shift-end runs, staying late,
 * follow-up records, team submissions, attendance exceptions, report deliveries. Hand-written;
 * the workforce-*.entity.ts files describe exactly this.
 */
const UP = [
  `CREATE TABLE "workforce_day_override" (
    "id" BIGSERIAL NOT NULL, "day" date NOT NULL, "agent_id" text NOT NULL DEFAULT '', "team_id" text NOT NULL DEFAULT '',
    "kind" text NOT NULL, "pattern" text, "reason" text NOT NULL, "created_by" text NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_workforce_day_override" PRIMARY KEY ("id"),
    CONSTRAINT "uq_workforce_day_override_target" UNIQUE ("day", "agent_id", "team_id"),
    CONSTRAINT "ck_workforce_day_override_kind" CHECK ("kind" IN ('leave', 'off', 'work')))`,
  `CREATE INDEX "ix_workforce_day_override_day" ON "workforce_day_override" ("day")`,
  `CREATE TABLE "workforce_rule_set" (
    "version" text NOT NULL, "effective_from" date NOT NULL, "body" jsonb NOT NULL, "created_by" text NOT NULL,
    "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_workforce_rule_set" PRIMARY KEY ("version"),
    CONSTRAINT "uq_workforce_rule_set_effective_from" UNIQUE ("effective_from"))`,
  `CREATE TABLE "workforce_shift_end_run" (
    "day" date NOT NULL, "shift_end" timestamptz NOT NULL, "ran_at" timestamptz NOT NULL, "rule_version" text NOT NULL,
    "must_stay" jsonb NOT NULL, "notifications" jsonb,
    CONSTRAINT "pk_workforce_shift_end_run" PRIMARY KEY ("day", "shift_end"))`,
  `CREATE TABLE "workforce_stay_late" (
    "agent_id" text NOT NULL, "day" date NOT NULL, "shift_end" timestamptz NOT NULL, "quota" integer NOT NULL,
    "effective_at_shift_end" integer NOT NULL, "effective" integer NOT NULL, "state" text NOT NULL,
    "finished_at" timestamptz, "released_by" text, "release_reason" text,
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_workforce_stay_late" PRIMARY KEY ("agent_id", "day"),
    CONSTRAINT "ck_workforce_stay_late_state" CHECK ("state" IN ('staying', 'met', 'released')))`,
  `CREATE INDEX "ix_workforce_stay_late_state" ON "workforce_stay_late" ("state")`,
  `CREATE TABLE "workforce_follow_up" (
    "id" uuid NOT NULL, "agent_id" text NOT NULL, "team_id" text, "day" date NOT NULL, "kind" text NOT NULL,
    "contact_name" text NOT NULL, "phone_number" text NOT NULL, "content" text NOT NULL, "leg_id" text,
    "created_by" text NOT NULL, "created_at" timestamptz NOT NULL, "updated_by" text, "updated_at" timestamptz,
    "revision" integer NOT NULL DEFAULT 1,
    CONSTRAINT "pk_workforce_follow_up" PRIMARY KEY ("id"),
    CONSTRAINT "ck_workforce_follow_up_kind" CHECK ("kind" IN ('intent', 'developable')))`,
  `CREATE INDEX "ix_workforce_follow_up_agent_day" ON "workforce_follow_up" ("agent_id", "day")`,
  `CREATE INDEX "ix_workforce_follow_up_team_day" ON "workforce_follow_up" ("team_id", "day")`,
  `CREATE TABLE "workforce_team_submission" (
    "team_id" text NOT NULL, "day" date NOT NULL, "submitted_at" timestamptz NOT NULL, "submitted_by" text NOT NULL,
    "records" integer NOT NULL, "late" boolean NOT NULL,
    CONSTRAINT "pk_workforce_team_submission" PRIMARY KEY ("team_id", "day"))`,
  `CREATE INDEX "ix_workforce_team_submission_day" ON "workforce_team_submission" ("day")`,
  `CREATE TABLE "workforce_attendance_exception" (
    "id" BIGSERIAL NOT NULL, "agent_id" text NOT NULL, "day" date NOT NULL, "flag" text NOT NULL, "reason" text NOT NULL,
    "created_by" text NOT NULL, "created_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_workforce_attendance_exception" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_workforce_attendance_exception_agent_day" ON "workforce_attendance_exception" ("agent_id", "day")`,
  `CREATE TABLE "workforce_report_delivery" (
    "report" text NOT NULL, "period" text NOT NULL, "target" text NOT NULL, "sent_at" timestamptz NOT NULL,
    "ok" boolean NOT NULL, "error" text,
    CONSTRAINT "pk_workforce_report_delivery" PRIMARY KEY ("report", "period", "target"))`,
];

const TABLES = [
  'workforce_report_delivery',
  'workforce_attendance_exception',
  'workforce_team_submission',
  'workforce_follow_up',
  'workforce_stay_late',
  'workforce_shift_end_run',
  'workforce_rule_set',
  'workforce_day_override',
];

export class WorkforceQuotaDay1764461000000 implements MigrationInterface {
  name = 'WorkforceQuotaDay1764461000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TABLE IF EXISTS "${table}"`);
  }
}
