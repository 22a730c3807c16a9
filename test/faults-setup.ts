// Global setup of the fault tests: the lab must be up (as for the integration tests), and this run's recovery
// times start from an empty table.
import { rmSync } from "node:fs";
import path from "node:path";
import labIsUp from "./global-setup";

export default function setup() {
  labIsUp();
  rmSync(path.join(import.meta.dirname, "..", "test-results", "recovery-times.jsonl"), { force: true });
}
