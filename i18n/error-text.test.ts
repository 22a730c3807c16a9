import { describe, expect, it } from "vitest";
import { errorText } from "./error-text";
import { en } from "./messages/en";
import { ptBR } from "./messages/pt-BR";

describe("errorText", () => {
  const notInstalled = {
    status: 422,
    code: "plugin_not_installed",
    message: 'The connector plugin "io.confluent.connect.s3.S3SinkConnector" is not installed on Kafka Connect at http://127.0.0.1:8083.',
    params: { className: "io.confluent.connect.s3.S3SinkConnector", url: "http://127.0.0.1:8083", installed: "x", suggestion: "lab.console.connect.s3.S3SinkConnector" },
    source: "connect",
  };

  it("renders a known code in the reader's language with its params, not the server's English", () => {
    const pt = errorText(ptBR, notInstalled);
    expect(pt).toContain('O plugin "io.confluent.connect.s3.S3SinkConnector" não está instalado');
    expect(pt).not.toContain("is not installed");
    expect(errorText(en, notInstalled)).toContain("is not installed on Kafka Connect at http://127.0.0.1:8083");
  });

  it("labels the vendor's own text as detail", () => {
    const e = { code: "connector_not_found", params: { connector: "nao-existe", url: "http://c" }, source: "connect", detail: "Connector nao-existe not found", message: "x" };
    expect(errorText(ptBR, e)).toBe('O conector "nao-existe" não existe em http://c. (Kafka Connect diz: Connector nao-existe not found)');
  });

  it("lists each invalid field with the catalog's words and the suggested key", () => {
    const e = { code: "invalid_input", message: "Invalid input — order: unknown", issues: [{ path: "order", code: "unknown_key_suggest", params: { key: "order", suggestion: "orders" }, message: "unknown" }] };
    expect(errorText(ptBR, e)).toBe('Entrada inválida: order: campo desconhecido "order" (você quis dizer "orders"?)');
  });

  it("falls back to the server's sentence for a code the catalog does not know", () => {
    expect(errorText(ptBR, { code: "brand_new", message: "Something specific happened." })).toBe("Something specific happened.");
    expect(errorText(ptBR, new Error("plain"))).toBe("plain");
  });

  it("says 'unknown error' in the reader's language for an error without words, and nothing for no error", () => {
    expect(errorText(ptBR, "")).toBe("Erro desconhecido");
    expect(errorText(en, { code: "brand_new", message: "" })).toBe("Unknown error");
    expect(errorText(en, null)).toBe("");
  });
});
