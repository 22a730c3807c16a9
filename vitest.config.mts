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

export default defineConfig({
  resolve,
  test: {
    projects: [
      { resolve, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.integ.test.ts"], environment: "node" } },
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
    ],
  },
});
