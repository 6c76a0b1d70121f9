import { type MigrationInterface, type QueryRunner } from 'typeorm';

/*
 * Recording registry and QA (libs/recording-qa): recordings with their file state, deletions,
 * scorecard versions, sampling draws, reviewer assignments and evaluations. Customer numbers
 * are stored masked only. The qa_* entities describe exactly this.
 */
const UP = [
  `CREATE TABLE "qa_recording" (
    "id" text NOT NULL, "uniqueid" text NOT NULL, "linkedid" text NOT NULL, "channel" text NOT NULL,
    "pass" integer NOT NULL, "started_at" timestamptz NOT NULL, "day" date NOT NULL, "started_by" text NOT NULL,
    "status" text NOT NULL, "location" text, "format" text NOT NULL, "direction" text, "agent_id" text,
    "agent_ids" text[] NOT NULL, "team_id" text, "queue" text, "customer_masked" text, "leg_ids" text[] NOT NULL,
    "answered_at" timestamptz, "call_ended_at" timestamptz, "talk_seconds" numeric, "duration_seconds" numeric,
    "size" bigint, "sha256" text, "mtime_ms" bigint, "last_seen" jsonb, "flag_reason" text, "flagged_at" timestamptz,
    "completed_at" timestamptz, "mutes" jsonb NOT NULL, "deleted_at" timestamptz,
    "updated_at" timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT "pk_qa_recording" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_qa_recording_uniqueid" ON "qa_recording" ("uniqueid")`,
  `CREATE INDEX "ix_qa_recording_status" ON "qa_recording" ("status")`,
  `CREATE INDEX "ix_qa_recording_started_at" ON "qa_recording" ("started_at")`,
  `CREATE INDEX "ix_qa_recording_agent_started" ON "qa_recording" ("agent_id", "started_at")`,
  `CREATE TABLE "qa_recording_deletion" (
    "id" BIGSERIAL NOT NULL, "recording_id" text NOT NULL, "location" text, "sha256" text, "size" bigint,
    "started_at" timestamptz NOT NULL, "deleted_at" timestamptz NOT NULL, "reason" text NOT NULL,
    "retention_days" integer NOT NULL, "file_found" boolean NOT NULL,
    CONSTRAINT "pk_qa_recording_deletion" PRIMARY KEY ("id"))`,
  `CREATE INDEX "ix_qa_recording_deletion_deleted_at" ON "qa_recording_deletion" ("deleted_at")`,
  `CREATE TABLE "qa_scorecard" (
    "id" text NOT NULL, "version" integer NOT NULL, "name" text NOT NULL, "definition" jsonb NOT NULL,
    "created_at" timestamptz NOT NULL, "created_by" text NOT NULL,
    CONSTRAINT "pk_qa_scorecard" PRIMARY KEY ("id", "version"))`,
  `CREATE TABLE "qa_sample_draw" (
    "id" text NOT NULL, "week_id" text NOT NULL, "shift_id" text NOT NULL, "seed" text NOT NULL,
    "inputs" jsonb NOT NULL, "inputs_sha256" text NOT NULL, "result" jsonb NOT NULL,
    "created_at" timestamptz NOT NULL, "created_by" text NOT NULL,
    CONSTRAINT "pk_qa_sample_draw" PRIMARY KEY ("id"),
    CONSTRAINT "uq_qa_sample_draw_week_shift" UNIQUE ("week_id", "shift_id"))`,
  `CREATE TABLE "qa_assignment" (
    "id" text NOT NULL, "draw_id" text NOT NULL, "recording_id" text NOT NULL, "agent_id" text NOT NULL,
    "team_id" text, "reviewer_id" text NOT NULL, "calibration" boolean NOT NULL, "status" text NOT NULL,
    "created_at" timestamptz NOT NULL,
    CONSTRAINT "pk_qa_assignment" PRIMARY KEY ("id"),
    CONSTRAINT "uq_qa_assignment_recording_agent_reviewer" UNIQUE ("recording_id", "agent_id", "reviewer_id"))`,
  `CREATE INDEX "ix_qa_assignment_reviewer_status" ON "qa_assignment" ("reviewer_id", "status")`,
  `CREATE INDEX "ix_qa_assignment_draw" ON "qa_assignment" ("draw_id")`,
  `CREATE TABLE "qa_evaluation" (
    "id" text NOT NULL, "assignment_id" text, "recording_id" text NOT NULL, "agent_id" text NOT NULL,
    "team_id" text, "reviewer_id" text NOT NULL, "scorecard_id" text NOT NULL, "scorecard_version" integer NOT NULL,
    "answers" jsonb NOT NULL, "comments" jsonb NOT NULL, "result" jsonb NOT NULL, "total" numeric NOT NULL,
    "critical_fail" boolean NOT NULL, "calibration" boolean NOT NULL, "status" text NOT NULL,
    "submitted_at" timestamptz NOT NULL, "responded_at" timestamptz, "dispute_reason" text,
    "resolved_at" timestamptz, "resolved_by" text, "resolution_note" text, "final_total" numeric,
    CONSTRAINT "pk_qa_evaluation" PRIMARY KEY ("id"),
    CONSTRAINT "uq_qa_evaluation_assignment" UNIQUE ("assignment_id"))`,
  `CREATE INDEX "ix_qa_evaluation_agent_submitted" ON "qa_evaluation" ("agent_id", "submitted_at")`,
  `CREATE INDEX "ix_qa_evaluation_recording" ON "qa_evaluation" ("recording_id")`,
];

const TABLES = [
  'qa_evaluation',
  'qa_assignment',
  'qa_sample_draw',
  'qa_scorecard',
  'qa_recording_deletion',
  'qa_recording',
];

export class RecordingQa1764547200000 implements MigrationInterface {
  name = 'RecordingQa1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const sql of UP) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
