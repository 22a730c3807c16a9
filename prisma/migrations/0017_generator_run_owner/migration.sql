-- Generator runs that outlive their process: the process that runs each (host:pid, so the next console start
-- sees at once that the owner is gone instead of waiting for the heartbeat to age), and the pedidos ids the run
-- reserved from the sequence before writing them (ranges [lo, hi]), so a run recovered after a crash is counted
-- from the rows it really committed, not from its last heartbeat.
ALTER TABLE "generator_runs" ADD COLUMN "owner" TEXT;
ALTER TABLE "generator_runs" ADD COLUMN "pedidos_ranges" JSONB NOT NULL DEFAULT '[]';
