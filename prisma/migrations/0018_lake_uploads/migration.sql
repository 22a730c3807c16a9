-- The multipart uploads the console started and has not completed or aborted yet: the sweep aborts the stale
-- ones (an S3 outage or a closed tab leaves their parts on the server), and only these, never someone else's.
CREATE TABLE "lake_uploads" (
  "upload_id" TEXT PRIMARY KEY,
  "bucket" TEXT NOT NULL,
  "key" TEXT NOT NULL,
  "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
