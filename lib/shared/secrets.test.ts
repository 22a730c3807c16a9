import { describe, expect, it } from "vitest";
import { MASK, isSecretKey, maskSecrets, redactValues, restoreMaskedSecrets } from "./secrets";

describe("isSecretKey", () => {
  it.each([
    "database.password", "DATABASE.PASSWORD", "Database.Password", "aws.secret.access.key", "aws.access.key.id", "s3.credentials.provider.secret",
    "ssl.key.password", "ssl.keystore.password", "sasl.jaas.config", "basic.auth.user.info", "api_key", "apiKey", "private.key", "ssl.key",
    "connection.password", "oauth.token", "AWS_SECRET_ACCESS_KEY", "schema.registry.basic.auth.credentials.source", "passwd",
  ])("masks %s", (k) => expect(isSecretKey(k)).toBe(true));

  it.each([
    "key.converter", "key.converter.schemas.enable", "value.converter", "database.user", "database.hostname", "topic.prefix",
    "key", "message.key.columns", "transforms.unwrap.drop.tombstones", "s3.bucket.name", "slot.name", "tasks.max", "name",
  ])("leaves %s alone", (k) => expect(isSecretKey(k)).toBe(false));
});

describe("maskSecrets", () => {
  it("masks nested and oddly-cased keys, keeps everything else and never mutates the input", () => {
    const input = {
      name: "pg",
      config: { "database.password": "sudoers", "Database.User": "sudoers", "AWS.Secret.Access.Key": "sudoers1234", nested: { DbPassword: "x1", list: [{ token: "t" }] } },
      tasks: [{ config: { "database.password": "sudoers" } }],
      empty: { "database.password": "" },
    };
    const copy = structuredClone(input);
    const out = maskSecrets(input);
    expect(out.config["database.password"]).toBe(MASK);
    expect(out.config["Database.User"]).toBe("sudoers");
    expect(out.config["AWS.Secret.Access.Key"]).toBe(MASK);
    expect(out.config.nested.DbPassword).toBe(MASK);
    expect(out.config.nested.list[0].token).toBe(MASK);
    expect(out.tasks[0].config["database.password"]).toBe(MASK);
    expect(out.empty["database.password"]).toBe("");
    expect(input).toEqual(copy);
    expect(JSON.stringify(out)).not.toContain("sudoers1234");
  });
});

describe("restoreMaskedSecrets", () => {
  it("keeps the stored secret when the mask comes back unchanged, and takes a new one when typed", () => {
    const stored = { "database.password": "sudoers", "database.user": "sudoers" };
    expect(restoreMaskedSecrets({ "database.password": MASK, "database.user": "debezium" }, stored)).toEqual({ "database.password": "sudoers", "database.user": "debezium" });
    expect(restoreMaskedSecrets({ "database.password": "new-one" }, stored)).toEqual({ "database.password": "new-one" });
  });

  it("does not turn a mask into a secret for a key that was never stored", () => {
    expect(restoreMaskedSecrets({ "aws.secret.access.key": MASK }, {})).toEqual({ "aws.secret.access.key": MASK });
  });
});

describe("redactValues", () => {
  it("removes secret values from free text such as a Java trace", () => {
    expect(redactValues('FATAL: password authentication failed (password "hunter22")', ["hunter22"])).not.toContain("hunter22");
  });
});
