import { it } from "vitest";
import { evaluateChecklist } from "./evaluate";
it("smoke", async () => {
  const r = await evaluateChecklist();
  console.log(JSON.stringify(r, null, 1));
});
