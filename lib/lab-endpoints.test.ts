import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLabEndpoints, resolveConfig } from "./config-core";
import { LAB_DEFAULTS, labEndpointsFor, serializeLabEndpoints } from "./lab-endpoints";

describe("the lab's endpoints file, written by lab:up and read by the console", () => {
  it("round-trips: what the lab writes is what the console connects to", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "lab-endpoints-"));
    try {
      const file = path.join(dir, "endpoints.json");
      writeFileSync(file, serializeLabEndpoints(labEndpointsFor("127.0.0.1", { postgres: 56432, kafka: [19092, 19094], connect: [18083, 18084], s3: 19000 })));
      const c = resolveConfig({}, readLabEndpoints(file));
      expect(c.postgres.port).toBe(56432);
      expect(c.kafka.brokers).toEqual(["127.0.0.1:19092", "127.0.0.1:19094"]);
      // The lab's workers are one group: one Connect cluster of two workers, not two clusters.
      expect(c.connect.urls).toEqual(["http://127.0.0.1:18083"]);
      expect(c.connect.workers).toEqual([["http://127.0.0.1:18083", "http://127.0.0.1:18084"]]);
      expect(c.s3.endpoint).toBe("http://127.0.0.1:19000");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to write a file the console would read as incomplete", () => {
    const partial = { PG_PORT: "55432", KAFKA_BROKERS: "127.0.0.1:9092", CONNECT_URLS: "http://127.0.0.1:8083" };
    expect(() => serializeLabEndpoints(partial as Parameters<typeof serializeLabEndpoints>[0])).toThrow(/S3_ENDPOINT/);
  });

  it("without a lab file the console's defaults are the lab's own", () => {
    const c = resolveConfig({}, {});
    expect(c.postgres).toMatchObject({ port: LAB_DEFAULTS.ports.postgres, user: LAB_DEFAULTS.postgres.user, password: LAB_DEFAULTS.postgres.password });
    expect(c.kafka.brokers).toEqual([`${LAB_DEFAULTS.host}:${LAB_DEFAULTS.ports.kafka}`]);
    expect(c.connect.urls).toEqual([`http://${LAB_DEFAULTS.host}:${LAB_DEFAULTS.ports.connect}`]);
    expect(c.s3).toMatchObject({ accessKeyId: LAB_DEFAULTS.s3.accessKey, secretAccessKey: LAB_DEFAULTS.s3.secretKey, region: LAB_DEFAULTS.s3.region });
  });
});
