// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // The Docker image runs the standalone server (docker/console/Dockerfile sets NEXT_OUTPUT); `npm run start`
  // uses `next start`, which does not support standalone output.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project (app, lib, lab, bench, e2e) as its own step;
  // the build does not type-check a second time.
  typescript: { ignoreBuildErrors: true },
  // Parallel builds (several worktrees of work on one machine) can each use their own output folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Server-only libraries with native or dynamic requires: load them from node_modules at run time
  // instead of bundling them (and never into the browser bundle).
  serverExternalPackages: ["kafkajs", "pg", "@prisma/client", "@prisma/adapter-pg", "@duckdb/node-api", "@duckdb/node-bindings"],
  // Never copy the running lab (databases, Kafka logs, jars), tests or benchmarks into the standalone output,
  // even when a dynamic filesystem path makes the tracer include the whole project.
  outputFileTracingExcludes: {
    "/*": [".lab/**/*", "lab/**/*", "e2e/**/*", "bench/**/*", "test-results/**/*", "playwright-report/**/*", ".git/**/*"],
  },
};

module.exports = nextConfig;
