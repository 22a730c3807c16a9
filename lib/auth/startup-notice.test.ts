import { describe, expect, it } from "vitest";
import { resolveConfig } from "../config-core";
import { startupNotices } from "./startup-notice";

describe("startupNotices (what the console says about login when it starts)", () => {
  it("says that no login is required when bound to loopback with passwords set (they would be ignored)", () => {
    const notices = startupNotices(resolveConfig({ CONSOLE_HOST: "127.0.0.1", CONSOLE_OPERATOR_PASSWORD: "x", CONSOLE_VIEWER_PASSWORD: "y" }));
    expect(notices.join("\n")).toMatch(/no login is required/i);
    expect(notices.join("\n")).toContain("CONSOLE_OPERATOR_PASSWORD");
    expect(notices.join("\n")).toContain("CONSOLE_HOST");
  });

  it("says nothing on loopback without passwords, nor when exposed with a login", () => {
    expect(startupNotices(resolveConfig({ CONSOLE_HOST: "127.0.0.1" }))).toEqual([]);
    expect(startupNotices(resolveConfig({ CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "x" })).join("\n")).not.toMatch(/no login/i);
  });
});
