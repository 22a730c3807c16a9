-- SQL page: each user's saved queries (text, where it runs, the tables it binds), listed per user.
CREATE TABLE "sql_saved_queries" (
    "id" BIGSERIAL NOT NULL,
    "owner" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "sql" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "tables" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "sql_saved_queries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "sql_saved_queries_owner_updated_at_idx" ON "sql_saved_queries" ("owner", "updated_at" DESC);
