// End to end, over every page: no console or hydration error in pt-BR nor in English; the server's errors shown
// in the reader's language with the vendor's text as labelled detail; and a viewer sees no enabled control that
// changes anything (the operator, on the same pages, does).
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, connectRest, s3 } from "./support/lab";
import { createTopicWith } from "../test/kafka-topic";

const CONNECTOR = "e2e-i18n-filestream";
const TOPIC = "e2e-i18n-filestream";
const BUCKET = "e2e-i18n";
const KEY = "pasta/evento.json";
// Set by playwright.config.ts for the console under test.
const VIEWER_PASSWORD = process.env.CONSOLE_VIEWER_PASSWORD ?? "";

const PAGES = [
  "/",
  "/connectors",
  "/connectors/register",
  `/connectors/0/${CONNECTOR}`,
  "/topics",
  `/topics/${TOPIC}`,
  `/topics/${TOPIC}/live`,
  "/lake",
  `/lake/${BUCKET}`,
  `/lake/${BUCKET}/object?key=${encodeURIComponent(KEY)}`,
  "/database",
  "/generators",
  "/audit",
];

const kafka = new Kafka({ clientId: "e2e-i18n", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING });

test.beforeAll(async () => {
  await createTopicWith(kafka, TOPIC);
  await connectRest("PUT", `/connectors/${CONNECTOR}/config`, {
    "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
    file: "/dev/null",
    topic: TOPIC,
    "tasks.max": "1",
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: JSON.stringify({ aluno: "Ana" }), ContentType: "application/json" }));
  // The connector's topic exists once its worker created it.
  for (let i = 0; i < 60; i++) {
    const status = await connectRest("GET", `/connectors/${CONNECTOR}/status`);
    if (status.body?.tasks?.[0]?.state === "RUNNING") break;
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  await connectRest("DELETE", `/connectors/${CONNECTOR}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.disconnect();
  await s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: KEY })).catch(() => undefined);
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
});

async function useLocale(page: Page, baseURL: string, locale: "pt-BR" | "en") {
  await page.context().addCookies([{ name: "locale", value: locale, url: baseURL }]);
}

/** Console errors and uncaught exceptions while `fn` runs (React reports hydration mismatches as console errors). */
async function consoleErrors(page: Page, fn: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  const onConsole = (m: { type(): string; text(): string; location(): { url: string } }) => {
    // /api/health answers 503 with its report when a service is down, by design: that is data, not a page error.
    if (m.type() === "error" && !m.location().url.includes("/api/health")) errors.push(m.text());
  };
  const onPageError = (e: Error) => errors.push(`pageerror: ${e.message}`);
  page.on("console", onConsole);
  page.on("pageerror", onPageError);
  try {
    await fn();
  } finally {
    page.off("console", onConsole);
    page.off("pageerror", onPageError);
  }
  return errors;
}

for (const locale of ["pt-BR", "en"] as const) {
  // The browser's own language too: numbers formatted with the runtime's default differ between a server and a
  // pt-BR browser (React error #418 on hydration).
  test.describe(`a ${locale} browser`, () => {
    test.use({ locale: locale === "en" ? "en-US" : "pt-BR" });
  test(`every page renders in ${locale} without a console or hydration error`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    await useLocale(page, baseURL!, locale);
    for (const path of PAGES) {
      const errors = await consoleErrors(page, async () => {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.getByRole("main")).toBeVisible();
        // Let the client render its queries (and React finish hydrating) before judging.
        await page.waitForLoadState("load");
        await expect(page.getByRole("status").filter({ hasText: /Carregando|Loading/ })).toHaveCount(0, { timeout: 20_000 });
      });
      expect(errors, `${locale} ${path}`).toEqual([]);
    }
  });
  });
}

test("in pt-BR, the server's errors are Portuguese, with the vendor's own text labelled as detail", async ({ page, baseURL }) => {
  await useLocale(page, baseURL!, "pt-BR");
  await page.goto("/topics/nao.existe");
  const topicAlert = page.getByRole("main").getByRole("alert");
  await expect(topicAlert).toContainText('O tópico "nao.existe" não existe no Kafka');
  await expect(topicAlert).not.toContainText("does not exist in Kafka");

  await page.goto("/connectors/0/nao-existe");
  const alert = page.getByRole("main").getByRole("alert").first();
  await expect(alert).toContainText('O conector "nao-existe" não existe');
  await expect(alert).toContainText("Kafka Connect diz: Connector nao-existe not found");
});

test("in English, the same errors read in English", async ({ page, baseURL }) => {
  await useLocale(page, baseURL!, "en");
  await page.goto("/lake/naoexiste");
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText('Bucket "naoexiste" does not exist');

  await page.goto("/connectors/register?template=raw");
  await page.getByTestId("register-raw").fill(JSON.stringify({ name: "e2e-i18n-confluent", config: { "connector.class": "io.confluent.connect.s3.S3SinkConnector", topics: "x" } }));
  await page.getByTestId("register-validate").click();
  await expect(page.getByTestId("register-result")).toContainText('The plugin "io.confluent.connect.s3.S3SinkConnector" is not installed on Kafka Connect');
});

test("a JSON syntax error points at its line and column in the reader's language, without the browser's English", async ({ page, baseURL }) => {
  await useLocale(page, baseURL!, "pt-BR");
  await page.goto("/connectors/register?template=raw");
  await page.getByTestId("register-raw").fill('{\n  "name": "x",\n  "config" {}\n}');
  const error = page.getByTestId("register-raw-error");
  await expect(error).toHaveText("JSON inválido na linha 3, coluna 12.");
});

// Buttons a viewer may use: reading, retrying, language, signing out, the live tail's own view controls.
const READ_ONLY_NAME = /^(tentar de novo|try again|no filters|sem filtros|count objects|contar objetos|pt-br|en|sair|sign out|log ?out|recarregar|refresh|atualizar|pausar|pause|retomar|resume view|limpar|clear|exportar|export|filter|filtrar|apply|aplicar|anterior|próxima|previous|next|mais recentes|latest|navegar|browse|fechar|close|copiar|copy|mostrar|show|ocultar|hide|diagnosticar|diagnose|ver|view|baixar|download|imprimir|print|buscar|search|carregar|load).*/i;

async function enabledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("main button, main input[type=file], main input[type=submit]")]
      .filter((el) => !(el as HTMLButtonElement).disabled && (el as HTMLElement).offsetParent !== null)
      .map((el) => ((el as HTMLElement).innerText || el.getAttribute("aria-label") || el.getAttribute("data-testid") || el.tagName).trim()),
  );
}

test("a viewer sees no enabled control that changes anything, on any page", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await useLocale(page, baseURL!, "en");
  const login = await page.request.post(`${baseURL}/api/auth/login`, { data: { user: "viewer", password: VIEWER_PASSWORD } });
  expect(login.status()).toBe(200);
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("status").filter({ hasText: /Loading/ })).toHaveCount(0, { timeout: 20_000 });
    const mutating = (await enabledControls(page)).filter((name) => !READ_ONLY_NAME.test(name));
    expect(mutating, path).toEqual([]);
  }
  // The operator, on the same pages, does have them (so the check above can see a mutating control).
  await page.context().clearCookies({ name: "lab_session" });
  await page.goto(`/connectors/0/${CONNECTOR}`);
  await expect(page.getByTestId("action-pause")).toBeEnabled();
  expect((await enabledControls(page)).filter((name) => !READ_ONLY_NAME.test(name)).length).toBeGreaterThan(0);
});
