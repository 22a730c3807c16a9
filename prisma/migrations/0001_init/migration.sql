CREATE TABLE "audit_log" (
  "id"          BIGSERIAL PRIMARY KEY,
  "at"          TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "actor"       TEXT NOT NULL,
  "role"        TEXT NOT NULL,
  "client_ip"   TEXT,
  "action"      TEXT NOT NULL,
  "target"      TEXT,
  "params"      JSONB,
  "outcome"     TEXT NOT NULL,
  "error"       TEXT,
  "duration_ms" INTEGER NOT NULL
);
CREATE INDEX "audit_log_at_idx" ON "audit_log" ("at" DESC);
CREATE INDEX "audit_log_action_at_idx" ON "audit_log" ("action", "at" DESC);

CREATE TABLE "generator_runs" (
  "id"          BIGSERIAL PRIMARY KEY,
  "generator"   TEXT NOT NULL,
  "status"      TEXT NOT NULL,
  "params"      JSONB NOT NULL,
  "counts"      JSONB NOT NULL DEFAULT '{}',
  "started_at"  TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "ended_at"    TIMESTAMPTZ(3),
  "error"       TEXT,
  "started_by"  TEXT
);
CREATE INDEX "generator_runs_generator_started_at_idx" ON "generator_runs" ("generator", "started_at" DESC);
