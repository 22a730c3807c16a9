// The lake preview of change events the sink wrote without their schema, against the lab's S3 server and the
// PostgreSQL that Debezium captures: the captured table's column types decode dates and timestamps, and its
// primary key marks a delete's placeholder columns, as the live tail does with the schema.
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import createNo from "../../debezium/shared/fixtures/pessoas-create.noschemas.json";
import deleteNo from "../../debezium/shared/fixtures/pessoas-delete.noschemas.json";
import { createBucket, deleteBucket } from "../buckets/buckets";
import { s3 } from "../client";
import type { JsonLinesPreview } from "../shared/lake-types";
import { previewObject } from "./index";

const BUCKET = `firsthour-preview-${Date.now().toString(36)}`;
const KEY = "topics/liga_sudoers.public.pessoas/year=2026/part-0.jsonl";

beforeAll(async () => {
  await createBucket(BUCKET);
  // One line per record, as the lab's sink writes values with schemas.enable=false: the bare envelope.
  const body = `${createNo.value}\n${deleteNo.value}\n`;
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: body, ContentType: "application/x-ndjson" }));
});

afterAll(async () => {
  await deleteBucket(BUCKET, { withObjects: true }).catch(() => undefined);
});

describe("lake preview of a schema-less sink object", () => {
  it("shows dt_nasc as a date and created_at as a timestamp, inferred from public.pessoas's column types", async () => {
    const p = (await previewObject(BUCKET, KEY)) as JsonLinesPreview;
    expect(p.kind).toBe("jsonl");
    const [create, del] = p.lines.map((l) => l.event);
    expect(create).toMatchObject({ op: "c", types: "inferred", after: { dt_nasc: "1990-05-17" } });
    expect(create?.after?.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
    expect(del).toMatchObject({ op: "d", types: "inferred" });
    expect(del?.placeholderFields).toEqual(expect.arrayContaining(["nome", "dt_nasc"]));
    expect(del?.placeholderFields).not.toContain("id");
  });
});
