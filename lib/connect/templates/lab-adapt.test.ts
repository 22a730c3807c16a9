import { describe, expect, it } from "vitest";
import { adaptToLab, connectionHints, isDockerServiceName } from "./lab-adapt";

const lab = { pgHost: "127.0.0.1", pgPort: 55432, s3Endpoint: "http://127.0.0.1:9000", installed: ["lab.console.connect.s3.S3SinkConnector", "io.debezium.connector.postgresql.PostgresConnector"] };

// The course's sink, as SEED.md gives it.
const courseSink = {
  "connector.class": "io.confluent.connect.s3.S3SinkConnector",
  topics: "liga_sudoers.public.pessoas",
  "s3.bucket.name": "raw",
  "s3.region": "us-east-1",
  "store.url": "http://minio:9000",
  "s3.access.key": "sudoers123",
  "flush.size": "10",
};

describe("adaptToLab", () => {
  it("swaps the Confluent sink for the lab's and the compose service names for the lab's endpoints", () => {
    const adapted = adaptToLab(courseSink, lab);
    expect(adapted["connector.class"]).toBe("lab.console.connect.s3.S3SinkConnector");
    expect(adapted["store.url"]).toBe("http://127.0.0.1:9000");
    expect(adapted["s3.bucket.name"]).toBe("raw");
  });

  it("points the course's Debezium source at the lab's PostgreSQL", () => {
    const adapted = adaptToLab({ "connector.class": "io.debezium.connector.postgresql.PostgresConnector", "database.hostname": "postgres_oltp", "database.port": "5432" }, lab);
    expect(adapted).toMatchObject({ "database.hostname": "127.0.0.1", "database.port": "55432" });
  });

  it("leaves a config that already fits the lab as it is", () => {
    const ok = { "connector.class": "lab.console.connect.s3.S3SinkConnector", "store.url": "http://127.0.0.1:9000" };
    expect(adaptToLab(ok, lab)).toEqual(ok);
    expect(isDockerServiceName("db.example.com")).toBe(false);
    expect(isDockerServiceName("minio")).toBe(true);
  });
});

describe("connectionHints", () => {
  it("names the Docker service name, what was tried and the lab's server", () => {
    const hints = connectionHints({ "database.hostname": "postgres_oltp", "database.port": "5432" }, { "database.hostname": ["Error while validating connector config: The connection attempt failed."] }, lab);
    expect(hints).toEqual([{ key: "database.hostname", code: "docker_service", params: { tried: "postgres_oltp:5432", lab: "127.0.0.1:55432" } }]);
  });

  it("says another PostgreSQL answered on that port when the lab's role is unknown there", () => {
    const hints = connectionHints({ "database.hostname": "127.0.0.1", "database.port": "5432" }, { "database.hostname": ['FATAL: role "sudoers" does not exist'] }, lab);
    expect(hints[0]).toMatchObject({ code: "other_server", params: { tried: "127.0.0.1:5432", lab: "127.0.0.1:55432" } });
  });

  it("says wrong port when the host is right but nothing listens there", () => {
    expect(connectionHints({ "database.hostname": "127.0.0.1", "database.port": "5999" }, { "database.hostname": ["Connection refused"] }, lab)[0]?.code).toBe("wrong_port");
  });
});
