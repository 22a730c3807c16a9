import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const exec = promisify(execFile);
const lab = (args: string[], env: Record<string, string> = {}) =>
  exec("npx", ["tsx", "lab/lab.ts", ...args], { env: { ...process.env, ...env }, timeout: 180_000 }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

describe("lab scripts", () => {
  it("lab:status reports the four running services and exits 0", async () => {
    const r = await lab(["status"]);
    expect(r.code).toBe(0);
    for (const svc of ["postgres", "kafka", "connect", "s3"]) expect(r.out).toMatch(new RegExp(`${svc}\\s+pid \\d+, listening`));
  });

  it("lab:up on a running lab changes nothing and returns once it is ready", async () => {
    const before = await lab(["status"]);
    const r = await lab(["up"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("all services ready");
    expect(await lab(["status"])).toEqual(before); // same pids: nothing was restarted
  });

  it("refuses to start when a port is taken, naming the port and the service, and starts nothing", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as { port: number }).port;
    const dir = mkdtempSync(path.join(os.tmpdir(), "lab-port-"));
    try {
      const r = await lab(["up"], { LAB_DIR: dir, LAB_S3_PORT: String(port) });
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(`port ${port} (needed by s3) is already in use`);
      expect(r.out).toContain("LAB_S3_PORT");
      const run = path.join(dir, "run");
      expect(existsSync(run) ? readdirSync(run).filter((f) => f.endsWith(".pid")) : []).toEqual([]);
    } finally {
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names what to install when Java, Maven or PostgreSQL's server binaries are missing, and starts nothing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lab-tools-"));
    const bin = path.join(dir, "bin");
    try {
      // A PATH holding only node: no java, no mvn (and no shell tools).
      await exec("mkdir", ["-p", bin]);
      symlinkSync(process.execPath, path.join(bin, "node"));
      const r = await exec(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "lab/lab.ts", "up"], {
        env: { PATH: bin, LAB_DIR: path.join(dir, "lab"), LAB_PG_BIN: path.join(dir, "no-postgres") } as unknown as NodeJS.ProcessEnv,
        timeout: 60_000,
      }).then(
        () => ({ code: 0, out: "" }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/Java 17\+ not found.*apt-get install -y openjdk-17-jre-headless/);
      expect(r.out).toMatch(/Maven not found.*apt-get install -y maven/);
      expect(r.out).toMatch(/PostgreSQL server binaries.*apt-get install -y postgresql-15/);
      expect(existsSync(path.join(dir, "lab", "run"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the cluster profile has three brokers and two workers, each a process of its own", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lab-cluster-"));
    try {
      const r = await lab(["status"], { LAB_PROFILE: "cluster", LAB_DIR: dir, LAB_PG_PORT: "", LAB_KAFKA_PORT: "", LAB_KAFKA_CONTROLLER_PORT: "", LAB_CONNECT_PORT: "", LAB_S3_PORT: "" });
      expect(r.code).toBe(3); // nothing runs in that folder
      const lines = r.out.trim().split("\n").map((l) => l.replace(/\s+/g, " "));
      expect(lines).toEqual(["postgres", "kafka-1", "kafka-2", "kafka-3", "connect-1", "connect-2", "s3"].map((n) => `[lab] ${n} not running`));
      const usage = await lab(["stop"], { LAB_PROFILE: "cluster", LAB_DIR: dir });
      expect(usage.out).toContain("kafka-2|kafka-3|connect-1|connect-2");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the cluster profile's brokers take port pairs, so a controller port one above the broker's never collides", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lab-cluster-ports-"));
    try {
      const env = { LAB_PROFILE: "cluster", LAB_DIR: dir, LAB_PG_PORT: "", LAB_CONNECT_PORT: "", LAB_S3_PORT: "" };
      // The single node's convention (9092 and its controller 9093), moved: brokers 9392/9394/9396, controllers 9393/9395/9397.
      expect((await lab(["status"], { ...env, LAB_KAFKA_PORT: "9392", LAB_KAFKA_CONTROLLER_PORT: "9393" })).code).toBe(3);
      const clash = await lab(["status"], { ...env, LAB_KAFKA_PORT: "9392", LAB_KAFKA_CONTROLLER_PORT: "9394" });
      expect(clash.code).toBe(1);
      expect(clash.out).toContain("port 9394 would be used by both Kafka broker 2 (LAB_KAFKA_PORT) and Kafka controller 1 (LAB_KAFKA_CONTROLLER_PORT)");
      expect(clash.out).not.toContain("    at ");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unknown LAB_PROFILE or a bad port is named, without a stack trace", async () => {
    const bad = await lab(["status"], { LAB_PROFILE: "big" });
    expect(bad.code).toBe(1);
    expect(bad.out).toContain("LAB_PROFILE=big is not a profile of the lab; use single (the default) or cluster");
    expect(bad.out).not.toContain("    at ");
    const port = await lab(["status"], { LAB_CONNECT_PORT: "70000" });
    expect(port.code).toBe(1);
    expect(port.out).toContain("LAB_CONNECT_PORT=70000 is not a valid port");
  });
});
