// zod schemas for what the connectors API accepts; shared by the route handlers and the register form.
import "server-only";
import { z } from "zod";
import { connectorName, flatConfig } from "./shared/draft";
import { TEMPLATE_IDS } from "./shared/types";

export const draftInput = z.strictObject({
  name: connectorName,
  config: flatConfig,
  template: z.enum(TEMPLATE_IDS).optional(),
});
