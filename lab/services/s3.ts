// S3Proxy (filesystem backend) standing in for the course's MinIO, with the course's buckets.
import path from "node:path";
import { writeFileSync } from "node:fs";
import { CreateBucketCommand, ListBucketsCommand, S3Client } from "@aws-sdk/client-s3";
import { LAB_DEFAULTS } from "../../lib/lab-endpoints";
import { HOST, JAVA_OPTS, READY_TIMEOUT_MS, dirs, pidFile, ports, stopByPidFile, type LabService, type Tools } from "../env";
import { ensureDir, runningPid, spawnDetached, waitFor } from "../proc";

const S3 = LAB_DEFAULTS.s3;
const logFile = () => path.join(dirs.logs, "s3.log");

async function start(t: Tools): Promise<boolean> {
  if (runningPid(pidFile("s3"))) return false;
  const base = ensureDir(path.join(dirs.data, "s3"));
  const props = path.join(dirs.conf, "s3proxy.properties");
  writeFileSync(
    props,
    [
      `s3proxy.endpoint=http://${HOST}:${ports.s3}`,
      "s3proxy.authorization=aws-v2-or-v4",
      `s3proxy.identity=${S3.accessKey}`,
      `s3proxy.credential=${S3.secretKey}`,
      "s3proxy.cors-allow-all=false",
      "jclouds.provider=filesystem",
      `jclouds.filesystem.basedir=${base}`,
      "",
    ].join("\n"),
  );
  spawnDetached(t.java, ["-Xms64m", "-Xmx256m", ...JAVA_OPTS, "-jar", path.join(dirs.lib, "s3proxy", "s3proxy.jar"), "--properties", props], {
    logFile: logFile(),
    pidFile: pidFile("s3"),
  });
  return true;
}

function s3Client(): S3Client {
  return new S3Client({
    endpoint: `http://${HOST}:${ports.s3}`,
    region: S3.region,
    forcePathStyle: true,
    credentials: { accessKeyId: S3.accessKey, secretAccessKey: S3.secretKey },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Ready: S3Proxy answers, and the course's buckets exist. */
async function ensureBuckets(): Promise<true> {
  const s3 = s3Client();
  const have = new Set(((await s3.send(new ListBucketsCommand({}))).Buckets ?? []).map((b) => b.Name));
  for (const b of S3.buckets) if (!have.has(b)) await s3.send(new CreateBucketCommand({ Bucket: b }));
  s3.destroy();
  return true;
}

export const s3: LabService = {
  name: "s3",
  ports: [{ port: ports.s3, envVar: "LAB_S3_PORT" }],
  logFile,
  start,
  ready: () => waitFor("S3Proxy", ensureBuckets, READY_TIMEOUT_MS, logFile()),
  stop: () => stopByPidFile("s3"),
};
