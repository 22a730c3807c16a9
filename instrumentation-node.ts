// An invalid configuration (e.g. exposed beyond loopback without an operator password) stops the console
// before it serves anything, with the reason on stderr.
import { installNodeServerHooks } from "./lib/http/node-server";
import { startupNotices } from "./lib/auth/startup-notice";
import { config } from "./lib/config";
import { startUploadSweeper } from "./lib/s3/stale-uploads";

try {
  for (const notice of startupNotices(config())) console.warn(`[console] ${notice}`);
} catch (e) {
  console.error(`\n[console] refusing to start: ${(e as Error).message}\n`);
  process.exit(1);
}
// Route handlers get no socket address nor Node response from Next.js: the server hands both (lib/http/node-server.ts).
installNodeServerHooks();
// The console's own multipart uploads left behind (an S3 outage, a closed tab) are aborted at start and on a schedule.
startUploadSweeper();
