// Prisma 7 CLI configuration: only `prisma generate` is used (see prisma/migrate.ts for migrations).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
