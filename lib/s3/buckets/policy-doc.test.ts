import { describe, expect, it } from "vitest";
import { classifyPolicy, publicReadPolicy, withoutAnonymousAccess } from "./policy-doc";

describe("bucket policy documents", () => {
  it("recognises its own public-read policy", () => {
    expect(classifyPolicy(JSON.stringify(publicReadPolicy("raw")), "raw")).toBe("public");
  });

  it("recognises MinIO's `mc anonymous set public` policy (principal as a string, s3:* style actions)", () => {
    const minio = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Principal: { AWS: ["*"] }, Action: ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"], Resource: ["arn:aws:s3:::raw"] },
        { Effect: "Allow", Principal: "*", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: ["arn:aws:s3:::raw/*"] },
      ],
    };
    expect(classifyPolicy(JSON.stringify(minio), "raw")).toBe("public");
  });

  it("calls a policy that grants named users only custom, and no policy private", () => {
    const named = { Statement: [{ Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:user/ana"] }, Action: "s3:GetObject", Resource: "arn:aws:s3:::raw/*" }] };
    expect(classifyPolicy(JSON.stringify(named), "raw")).toBe("custom");
    expect(classifyPolicy(null, "raw")).toBe("private");
    expect(classifyPolicy(JSON.stringify(publicReadPolicy("other")), "raw")).toBe("custom");
  });

  it("turning access off removes only the anonymous statements", () => {
    const named = { Effect: "Allow", Principal: { AWS: ["arn:aws:iam::1:user/ana"] }, Action: "s3:GetObject", Resource: "arn:aws:s3:::raw/*" };
    const mixed = { ...publicReadPolicy("raw"), Statement: [...(publicReadPolicy("raw").Statement as object[]), named] };
    expect(JSON.parse(withoutAnonymousAccess(JSON.stringify(mixed))!).Statement).toEqual([named]);
    expect(withoutAnonymousAccess(JSON.stringify(publicReadPolicy("raw")))).toBeNull();
  });
});
