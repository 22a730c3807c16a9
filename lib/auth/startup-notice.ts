// What the console tells whoever starts it about login. Pure (the caller prints).
import "server-only";
import type { AppConfig } from "../config-core";

export function startupNotices(c: AppConfig): string[] {
  const a = c.auth;
  const set = [a.operatorPassword ? "CONSOLE_OPERATOR_PASSWORD" : null, a.viewerPassword ? "CONSOLE_VIEWER_PASSWORD" : null].filter(Boolean);
  if (!a.exposed && set.length) {
    return [
      `CONSOLE_HOST=${c.console.host} is a loopback address, so no login is required and ${set.join(" and ")} ${set.length > 1 ? "are" : "is"} ignored: ` +
        "everyone who reaches the console is the operator. To require a login, bind to another address (e.g. CONSOLE_HOST=0.0.0.0).",
    ];
  }
  return [];
}
