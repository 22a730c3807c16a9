// Next.js loads lib/ modules once per bundle (route handlers, server actions and pages each get their own copy),
// so module-level state is not shared between them. State that must be one per server process lives here.
import "server-only";
const store = globalThis as unknown as { labConsoleProcessWide?: Map<string, unknown> };

/** The process's one value for `name`, made by `init` the first time any bundle asks. */
export function processWide<T>(name: string, init: () => T): T {
  store.labConsoleProcessWide ??= new Map();
  if (!store.labConsoleProcessWide.has(name)) store.labConsoleProcessWide.set(name, init());
  return store.labConsoleProcessWide.get(name) as T;
}
