import { MutationObserver, QueryClient, QueryObserver } from "@tanstack/query-core";
import { describe, expect, it } from "vitest";
import { type HookQueryOptions, withMutationOptions, withQueryOptions } from "./hook-options";

describe("withMutationOptions", () => {
  it("runs the hook's invalidation to the end, then the caller's onSuccess", async () => {
    const client = new QueryClient();
    client.setQueryData(["list"], ["old"]);
    const order: string[] = [];
    const options = withMutationOptions<string, number>(
      {
        mutationFn: async (n) => `made ${n}`,
        onSuccess: async () => {
          await client.invalidateQueries({ queryKey: ["list"] });
          order.push("hook");
        },
      },
      {
        onSuccess: (data, vars) => {
          order.push(`caller:${data}:${vars}:${client.getQueryState(["list"])?.isInvalidated}`);
        },
      },
    );
    await new MutationObserver(client, options).mutate(7);
    expect(order).toEqual(["hook", "caller:made 7:7:true"]);
  });

  it("keeps the hook's mutationFn even when a caller forces one in", async () => {
    const client = new QueryClient();
    const forced = { mutationFn: async () => "caller's" } as unknown as Parameters<typeof withMutationOptions<string, void>>[1];
    const options = withMutationOptions<string, void>({ mutationFn: async () => "hook's" }, forced);
    await expect(new MutationObserver(client, options).mutate()).resolves.toBe("hook's");
  });
});

describe("withQueryOptions", () => {
  it("takes the caller's options but never its queryKey/queryFn", async () => {
    const client = new QueryClient();
    // @ts-expect-error queryKey and queryFn are the hook's: the type refuses them
    const refused: HookQueryOptions<string> = { queryKey: ["other"], staleTime: 1234 };
    // A caller who casts past the type still cannot swap them.
    const typed = { ...refused, queryFn: async () => "caller's" } as HookQueryOptions<string>;
    const options = withQueryOptions<string>({ queryKey: ["own"], queryFn: async () => "hook's", staleTime: 0 }, typed);
    expect(options.queryKey).toEqual(["own"]);
    expect(options.staleTime).toBe(1234);
    await expect(new QueryObserver(client, options).refetch()).resolves.toMatchObject({ data: "hook's" });
    expect(client.getQueryData(["other"])).toBeUndefined();
  });

  it("a hook disabled for a missing argument stays disabled", () => {
    expect(withQueryOptions<string>({ queryKey: ["x"], queryFn: async () => "", enabled: false }, { enabled: true }).enabled).toBe(false);
    expect(withQueryOptions<string>({ queryKey: ["x"], queryFn: async () => "" }, { enabled: false }).enabled).toBe(false);
  });
});
