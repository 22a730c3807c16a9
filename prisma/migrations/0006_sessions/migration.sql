-- Sessions. console_secrets: the key that signs session cookies when CONSOLE_SESSION_SECRET is unset — random,
-- made once by the first console that needs it, the same after a restart (never derived from the passwords).
-- revoked_sessions: signed-out sessions, kept only until they would have expired anyway (bounded).
CREATE TABLE "console_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "console_secrets_pkey" PRIMARY KEY ("name")
);

CREATE TABLE "revoked_sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "revoked_sessions_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "revoked_sessions_expires_at_idx" ON "revoked_sessions"("expires_at");
