import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { connectionOptions } from "./pg/client";
import { PrismaClient } from "./generated/prisma/client";

// One Prisma client for the console's own state (database lab_console), through the pg driver adapter:
// Prisma 7's Rust-free client needs no engine download.
const globalForPrisma = globalThis as unknown as { labConsolePrisma?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForPrisma.labConsolePrisma) {
    const o = connectionOptions("console");
    const adapter = new PrismaPg({ host: o.host, port: o.port, user: o.user, password: o.password as string, database: o.database, max: 5 }, {
      // an idle connection dying (PostgreSQL restarting) must not crash the console: the next query reconnects
      onPoolError: () => undefined,
      onConnectionError: () => undefined,
    });
    globalForPrisma.labConsolePrisma = new PrismaClient({ adapter });
  }
  return globalForPrisma.labConsolePrisma;
}
