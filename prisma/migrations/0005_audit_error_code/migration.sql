-- The audit log keeps an error's catalog code and parameters, so the page shows it in the reader's language.
ALTER TABLE "audit_log" ADD COLUMN "error_code" TEXT, ADD COLUMN "error_params" JSONB;
