import { describe, expect, it } from "vitest";
import { ConfigError, resolveConfig } from "./config-core";

describe("resolveConfig", () => {
  it("defaults to the lab's ports, users and passwords", () => {
    const c = resolveConfig({});
    expect(c.postgres).toMatchObject({ host: "127.0.0.1", port: 55432, user: "sudoers", oltpDatabase: "liga_sudoers", dwDatabase: "liga_sudoers_dw", consoleDatabase: "lab_console" });
    expect(c.kafka.brokers).toEqual(["127.0.0.1:9092"]);
    expect(c.connect.urls).toEqual(["http://127.0.0.1:8083"]);
    expect(c.s3).toMatchObject({ endpoint: "http://127.0.0.1:9000", accessKeyId: "sudoers123", forcePathStyle: true });
    expect(c.console).toEqual({ host: "127.0.0.1", port: 3000 });
  });

  it("takes lab:up's endpoints as defaults and lets the environment override them", () => {
    const lab = { PG_PORT: "56000", KAFKA_BROKERS: "127.0.0.1:19092", CONNECT_URLS: "http://127.0.0.1:18083", S3_ENDPOINT: "http://127.0.0.1:19000" };
    const c = resolveConfig({ KAFKA_BROKERS: "a:1, b:2" }, lab);
    expect(c.postgres.port).toBe(56000);
    expect(c.kafka.brokers).toEqual(["a:1", "b:2"]);
    expect(c.connect.urls).toEqual(["http://127.0.0.1:18083"]);
    expect(c.s3.endpoint).toBe("http://127.0.0.1:19000");
  });

  it("accepts several Connect clusters and trims trailing slashes", () => {
    expect(resolveConfig({ CONNECT_URLS: "http://a:8083/, http://b:8083" }).connect.urls).toEqual(["http://a:8083", "http://b:8083"]);
  });

  it("reads the workers of one Connect cluster joined with |", () => {
    const c = resolveConfig({ CONNECT_URLS: "http://w1:8083/ | http://w2:8083, http://other:8083" }).connect;
    expect(c.urls).toEqual(["http://w1:8083", "http://other:8083"]);
    expect(c.workers).toEqual([["http://w1:8083", "http://w2:8083"], ["http://other:8083"]]);
  });

  it("puts the warehouse on the OLTP server unless told otherwise", () => {
    expect(resolveConfig({ PG_HOST: "db" }).postgres).toMatchObject({ dwHost: "db", dwPort: 55432 });
    expect(resolveConfig({ PG_DW_HOST: "dw", PG_DW_PORT: "5433" }).postgres).toMatchObject({ dwHost: "dw", dwPort: 5433 });
  });

  it("rejects bad values with a message naming each variable", () => {
    expect(() => resolveConfig({ PG_PORT: "99999", S3_ENDPOINT: "not a url" })).toThrow(ConfigError);
    try {
      resolveConfig({ PG_PORT: "99999", S3_ENDPOINT: "not a url" });
    } catch (e) {
      expect((e as Error).message).toMatch(/PG_PORT/);
      expect((e as Error).message).toMatch(/S3_ENDPOINT/);
    }
  });
});

describe("exposure and login", () => {
  it("treats loopback binds as local and anything else as exposed", async () => {
    const { isLoopbackHost } = await import("./config-core");
    for (const h of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "192.168.0.10", "::", "lab.example"]) expect(isLoopbackHost(h), h).toBe(false);
  });

  it("refuses an exposed console without an operator password, naming the fix", () => {
    expect(() => resolveConfig({ CONSOLE_HOST: "0.0.0.0" })).toThrow(/CONSOLE_OPERATOR_PASSWORD/);
    expect(resolveConfig({ CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "x" }).auth.exposed).toBe(true);
    expect(resolveConfig({}).auth.exposed).toBe(false);
  });

  it("reads trusted proxies (IP addresses only) and allowed hosts, normalised", () => {
    const c = resolveConfig({ CONSOLE_TRUSTED_PROXIES: "10.0.0.2, ::ffff:10.0.0.3,fd00::1", CONSOLE_ALLOWED_HOSTS: "Console.Lab:3000, projector.local" });
    expect(c.auth.trustedProxies).toEqual(["10.0.0.2", "10.0.0.3", "fd00::1"]);
    expect(c.auth.allowedHosts).toEqual(["console.lab", "projector.local"]);
    expect(resolveConfig({}).auth).toMatchObject({ trustedProxies: [], allowedHosts: [] });
    expect(() => resolveConfig({ CONSOLE_TRUSTED_PROXIES: "proxy.lab" })).toThrow(/CONSOLE_TRUSTED_PROXIES/);
  });
});
