-- Trace a change (lib/pipeline/trace): one marked change followed from PostgreSQL's commit to the Debezium event on
-- its topic and to the object a sink wrote, with each hop's evidence (hops) and why a trace stopped (failure_*).
CREATE TABLE "pipeline_traces" (
    "id" BIGSERIAL NOT NULL,
    "marker" TEXT NOT NULL,
    "started_by" TEXT,
    "cluster" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "schema_name" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "hops" JSONB NOT NULL DEFAULT '{}',
    "failure_code" TEXT,
    "failure_params" JSONB,
    "failure_message" TEXT,
    "event_timeout_ms" INTEGER NOT NULL,
    "object_timeout_ms" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMPTZ(3),
    CONSTRAINT "pipeline_traces_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "pipeline_traces_marker_key" ON "pipeline_traces" ("marker");
CREATE INDEX "pipeline_traces_status_idx" ON "pipeline_traces" ("status");
