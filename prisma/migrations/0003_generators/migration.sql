-- Generator runs: a heartbeat (a run whose process died stops beating and is marked interrupted), a stop
-- request any process can set (the running process sees it on its next beat), and at most one running run
-- per generator across every console process and the CLI.
ALTER TABLE "generator_runs" ADD COLUMN "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "generator_runs" ADD COLUMN "stop_requested_at" TIMESTAMPTZ(3);
CREATE UNIQUE INDEX "generator_runs_one_running_idx" ON "generator_runs" ("generator") WHERE "status" = 'running';
