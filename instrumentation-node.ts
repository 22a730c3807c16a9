// An invalid configuration (e.g. exposed beyond loopback without an operator password) stops the console
// before it serves anything, with the reason on stderr.
import { installPeerAddress } from "./lib/auth/request/peer-address";
import { startupNotices } from "./lib/auth/startup-notice";
import { config } from "./lib/config";
import { startUploadSweeper } from "./lib/s3/stale-uploads";

try {
  for (const notice of startupNotices(config())) console.warn(`[console] ${notice}`);
} catch (e) {
  console.error(`\n[console] refusing to start: ${(e as Error).message}\n`);
  process.exit(1);
}
// Route handlers get no socket address from Next.js: stamp it on each request (lib/auth/request/client-address.ts).
installPeerAddress();
// The console's own multipart uploads left behind (an S3 outage, a closed tab) are aborted at start and on a schedule.
startUploadSweeper();
