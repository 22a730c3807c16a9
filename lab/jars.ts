// The lab's jars: Maven Central → ~/.m2 → .lab/lib and .lab/plugins (lab/pom.xml, and lab/s3-sink built here).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LAB, ROOT, dirs, log } from "./env";
import { LabError, ensureDir, run } from "./proc";

function jarsStamp(): string {
  const h = createHash("sha256");
  const files = [path.join(ROOT, "lab/pom.xml"), path.join(ROOT, "lab/s3-sink/pom.xml")];
  const src = path.join(ROOT, "lab/s3-sink/src/main");
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(src);
  // Paths relative to the clone: the same sources in another checkout (a worktree sharing this lab) are the same jars.
  for (const f of files.sort()) if (existsSync(f)) h.update(path.relative(ROOT, f)).update(readFileSync(f));
  return h.digest("hex");
}

const expectedJars = () => [
  { what: "Kafka broker (org.apache.kafka:kafka_2.13)", ok: () => hasFile(path.join(dirs.lib, "kafka"), /^kafka_2\.13-.*\.jar$/) },
  { what: "Kafka Connect runtime (org.apache.kafka:connect-runtime)", ok: () => hasFile(path.join(dirs.lib, "kafka"), /^connect-runtime-.*\.jar$/) },
  { what: "log4j2 runtime (org.apache.logging.log4j:log4j-core)", ok: () => hasFile(path.join(dirs.lib, "kafka"), /^log4j-core-.*\.jar$/) },
  { what: "Debezium PostgreSQL connector (io.debezium:debezium-connector-postgres:plugin)", ok: () => hasFile(path.join(dirs.plugins, "debezium-connector-postgres"), /^debezium-connector-postgres-.*\.jar$/) },
  { what: "the lab's S3 sink connector (lab/s3-sink)", ok: () => hasFile(path.join(dirs.plugins, "lab-s3-sink"), /^lab-s3-sink-.*\.jar$/) },
  { what: "S3Proxy (org.gaul:s3proxy:jar-with-dependencies)", ok: () => existsSync(path.join(dirs.lib, "s3proxy", "s3proxy.jar")) },
];

function hasFile(dir: string, re: RegExp): boolean {
  return existsSync(dir) && readdirSync(dir).some((f) => re.test(f));
}

/** Returns true when the jars changed (running JVMs then still hold the old ones). */
export function resolveJars(): boolean {
  const stampFile = path.join(LAB, "jars.stamp");
  const stamp = jarsStamp();
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp && expectedJars().every((j) => j.ok())) return false;
  log("resolving jars from Maven Central (first run downloads ~250 MB into ~/.m2)…");
  ensureDir(dirs.logs);
  const mvnLog = path.join(dirs.logs, "maven.log");
  writeFileSync(mvnLog, "");
  // Remove stale copies so that a version change never leaves two versions on one classpath.
  rmSync(dirs.lib, { recursive: true, force: true });
  rmSync(dirs.plugins, { recursive: true, force: true });
  rmSync(path.join(LAB, "maven-markers"), { recursive: true, force: true });
  // The poms install into <clone>/.lab by default; a lab elsewhere (LAB_DIR, the cluster profile) says where.
  const into = { "lab/pom.xml": `-Dlab.dir=${LAB}`, "lab/s3-sink/pom.xml": `-Dplugin.dir=${path.join(dirs.plugins, "lab-s3-sink")}` };
  for (const pom of ["lab/pom.xml", "lab/s3-sink/pom.xml"] as const) {
    const r = run("mvn", ["-B", "-q", "-f", path.join(ROOT, pom), "package", "-DskipTests", into[pom]], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(mvnLog, r.out, { flag: "a" });
    if (!r.ok) {
      const missing = /Could not (?:resolve|find) (?:dependencies|artifact)[^\n]*/.exec(r.out)?.[0];
      throw new LabError(`Maven could not build ${pom}${missing ? `: ${missing}` : ""}. Check your access to Maven Central; full output in ${mvnLog}`, mvnLog);
    }
  }
  const missing = expectedJars().filter((j) => !j.ok());
  if (missing.length) throw new LabError(`these jars did not resolve: ${missing.map((m) => m.what).join(", ")} (see ${mvnLog})`, mvnLog);
  writeFileSync(stampFile, stamp);
  return true;
}
