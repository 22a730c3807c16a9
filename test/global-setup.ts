// Integration tests run against the real lab. `npm test` brings it up first (scripts/test.sh);
// here we only refuse to start when it is not there, with the fix in the message.
import { readLabEndpoints } from "../lib/config-core";

export default function setup() {
  if (!readLabEndpoints().KAFKA_BROKERS && !process.env.KAFKA_BROKERS) {
    throw new Error("The lab is not up (no .lab/endpoints.json). Run `npm run lab:up` first, or the whole suite with `npm test`.");
  }
}
