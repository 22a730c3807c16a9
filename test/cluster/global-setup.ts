// The cluster tests (`npm run test:cluster`) run against a lab started with LAB_PROFILE=cluster; scripts/test-cluster.sh
// starts it (or reuses it) and points LAB_DIR at it. Run directly, refuse with the fix when it is not there.
import { readLabEndpoints } from "../../lib/config-core";

export default function setup() {
  const lab = readLabEndpoints();
  const brokers = (process.env.KAFKA_BROKERS ?? lab.KAFKA_BROKERS ?? "").split(",").filter(Boolean);
  const workers = (process.env.CONNECT_URLS ?? lab.CONNECT_URLS ?? "").split("|").filter(Boolean);
  if (brokers.length < 3 || workers.length < 2) {
    throw new Error(
      `The cluster tests need the lab's cluster profile (3 brokers, 2 Connect workers); LAB_DIR=${process.env.LAB_DIR ?? ".lab"} has ${brokers.length} broker(s) and ${workers.length} worker(s). ` +
        "Run them with `npm run test:cluster` (it starts the cluster lab), or start it with `LAB_PROFILE=cluster npm run lab:up` and set LAB_DIR=.lab/cluster.",
    );
  }
}
