import { describe, expect, it } from "vitest";
import { useOf } from "./usage-match";

describe("which connectors point at a bucket or a topic", () => {
  it("finds the S3 sink that writes into a bucket by s3.bucket.name or bucket, and nothing else", () => {
    expect(useOf("sink", { "s3.bucket.name": "raw", topics: "x" }, { bucket: "raw" })).toEqual({ role: "writes", via: "s3.bucket.name" });
    expect(useOf("sink", { bucket: "raw" }, { bucket: "raw" })).toEqual({ role: "writes", via: "bucket" });
    expect(useOf("sink", { "s3.bucket.name": "raw-2" }, { bucket: "raw" })).toBeNull();
  });

  it("finds a sink reading a topic by its list or its regex", () => {
    expect(useOf("sink", { topics: "a, liga_sudoers.public.pessoas" }, { topic: "liga_sudoers.public.pessoas" })).toEqual({ role: "reads", via: "topics" });
    expect(useOf("sink", { "topics.regex": "liga_sudoers\\.public\\..*" }, { topic: "liga_sudoers.public.pessoas" })).toEqual({ role: "reads", via: "topics.regex" });
    expect(useOf("sink", { "topics.regex": "liga" }, { topic: "liga_sudoers.public.pessoas" })).toBeNull();
  });

  it("finds the Debezium source writing a topic from its prefix and table list (entries are regexes)", () => {
    const dbz = { "topic.prefix": "liga_sudoers", "table.include.list": "public.pessoas,public.pedidos" };
    expect(useOf("source", dbz, { topic: "liga_sudoers.public.pessoas" })).toEqual({ role: "writes", via: "table.include.list" });
    expect(useOf("source", dbz, { topic: "liga_sudoers.public.produtos" })).toBeNull();
    expect(useOf("source", { "topic.prefix": "liga_sudoers", "table.include.list": "public\\..*" }, { topic: "liga_sudoers.public.produtos" })).not.toBeNull();
    expect(useOf("source", { "topic.prefix": "liga_sudoers" }, { topic: "liga_sudoers.public.x" })).toEqual({ role: "writes", via: "topic.prefix" });
    expect(useOf("source", { "topic.prefix": "liga" }, { topic: "liga_sudoers.public.x" })).toBeNull();
  });
});
