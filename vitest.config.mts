import path from "node:path";
import { defineConfig } from "vitest/config";

const resolve = {
  alias: {
    "@": import.meta.dirname,
    // "server-only" throws outside React's server bundler; under Vitest it is a no-op.
    "server-only": path.join(import.meta.dirname, "test/server-only-stub.ts"),
  },
};
const exclude = ["node_modules/**", ".next/**", ".lab/**", "e2e/**", "lab/s3-sink/**"];

// The lab's cluster profile (3 brokers, 2 Connect workers): `npm run test:cluster` (scripts/test-cluster.sh, which
// sets LAB_PROFILE=cluster). Only then is the project there: a plain `vitest run` (npm test) leaves it out.
const clusterProject = {
  resolve,
  test: {
    name: "cluster",
    include: ["**/*.cluster.test.ts"],
    exclude,
    environment: "node" as const,
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    globalSetup: ["test/cluster/global-setup.ts"],
  },
};

export default defineConfig({
  resolve,
  test: {
    projects: [
      { resolve, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.integ.test.ts", "**/*.fault.test.ts", "**/*.cluster.test.ts"], environment: "node" } },
      {
        resolve,
        test: {
          name: "integ",
          include: ["**/*.integ.test.ts"],
          exclude,
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Integration tests share one lab: one file at a time so they do not fight over it.
          fileParallelism: false,
          globalSetup: ["test/global-setup.ts"],
        },
      },
      {
        resolve,
        test: {
          // Fault tests stop and restart the lab's services: alone, one file at a time, after the integration tests
          // (scripts/test.sh runs this project on its own). Each restores what it stopped, even when it fails.
          name: "faults",
          include: ["**/*.fault.test.ts"],
          exclude,
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ["test/faults-setup.ts"],
        },
      },
      ...(process.env.LAB_PROFILE === "cluster" ? [clusterProject] : []),
    ],
  },
});
