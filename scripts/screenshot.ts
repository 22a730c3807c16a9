// Takes the README's screenshot of a running console: npx tsx scripts/screenshot.ts [url] [out.png]
import { chromium } from "@playwright/test";

const url = process.argv[2] ?? "http://127.0.0.1:3000/";
const out = process.argv[3] ?? "docs/overview.png";
async function main() {
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, locale: "pt-BR" });
await page.goto(url);
await page.getByTestId("health-strip").and(page.locator('[data-status="ready"]')).waitFor();
await page.screenshot({ path: out });
await browser.close();
console.log(`wrote ${out}`);
}

void main();
