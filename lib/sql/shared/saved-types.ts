// A saved query as the browser sees it (browser-safe).
import type { SavedQueryInput } from "./inputs";

export interface SavedQuery extends SavedQueryInput {
  id: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
}
