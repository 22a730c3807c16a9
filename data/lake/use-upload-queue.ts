import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { lakeKeys } from "./keys";
import { uploadFile } from "./upload-file";

export type UploadStatus = "queued" | "uploading" | "done" | "error" | "cancelled";

export interface UploadItem {
  id: number;
  name: string;
  key: string;
  size: number;
  sent: number;
  status: UploadStatus;
  /** Why the upload failed: render with useErrorText. */
  error: unknown;
}

/**
 * Uploads dropped files one after the other into `prefix`, with per-file progress. Each finished file refreshes
 * the bucket's listings.
 */
export function useUploadQueue(bucket: string) {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const queue = useRef<{ item: UploadItem; file: File }[]>([]);
  const running = useRef(false);
  const controllers = useRef(new Map<number, AbortController>());
  const nextId = useRef(1);

  const update = useCallback((id: number, patch: Partial<UploadItem>) => {
    setItems((all) => all.map((it) => (it.id === id ? { ...it, ...patch } : it)));
  }, []);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length > 0) {
      const { item, file } = queue.current.shift()!;
      const controller = new AbortController();
      controllers.current.set(item.id, controller);
      update(item.id, { status: "uploading" });
      try {
        await uploadFile(bucket, item.key, file, (sent) => update(item.id, { sent }), controller.signal);
        update(item.id, { status: "done", sent: item.size });
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: lakeKeys.objects(bucket) }),
          queryClient.invalidateQueries({ queryKey: [...lakeKeys.bucket(bucket), "stats"] }),
        ]);
      } catch (e) {
        const cancelled = controller.signal.aborted;
        update(item.id, { status: cancelled ? "cancelled" : "error", error: cancelled ? null : e });
      } finally {
        controllers.current.delete(item.id);
      }
    }
    running.current = false;
  }, [bucket, queryClient, update]);

  const add = useCallback(
    (files: File[], prefix: string) => {
      const added = files.map((file) => ({
        item: { id: nextId.current++, name: file.name, key: `${prefix}${file.name}`, size: file.size, sent: 0, status: "queued" as const, error: null },
        file,
      }));
      setItems((all) => [...all, ...added.map((a) => a.item)]);
      queue.current.push(...added);
      void run();
    },
    [run],
  );

  const cancel = useCallback((id: number) => {
    const controller = controllers.current.get(id);
    if (controller) controller.abort();
    else {
      queue.current = queue.current.filter((q) => q.item.id !== id);
      update(id, { status: "cancelled" });
    }
  }, [update]);

  const clearFinished = useCallback(() => setItems((all) => all.filter((it) => it.status === "queued" || it.status === "uploading")), []);

  return { items, add, cancel, clearFinished };
}
