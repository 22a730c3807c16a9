"use client";
/* eslint-disable react-hooks/refs, react-hooks/set-state-in-effect --
   Deliberate: the buffer is a mutable ref read during render behind a `version` counter, so 1,000 events/s do not
   copy up to 5,000 entries per frame (bench:tail-browser); a new stream resets that state in its effect. */
// The live tail in the browser: one EventSource per open page, events batched into the view once per
// animation frame, at most `max` entries kept. EventSource reconnects by itself and sends Last-Event-ID, so
// the server resumes right after the last message this page received.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { TailFailure, TailGap, TailKafkaState, TailReady, TopicMessage } from "@/lib/kafka/shared/message-types";
import { filterToSearchParams, type TailFilter } from "@/lib/kafka/shared/tail-filter";
import { responseError } from "../fetcher";
import { topicPath } from "./paths";
import { DEFAULT_MAX_KEPT, TailBuffer, type TailInput, type TailItem } from "./tail-buffer";

/** How far the waiting queue may run past the view's limit before it is trimmed. */
const TRIM_CHUNK = 1000;

export type TailStatus = "connecting" | "live" | "reconnecting" | "failed";

export interface TopicTail {
  status: TailStatus;
  ready: TailReady | null;
  /** The server's consumer and Kafka: cannot fetch since…, or resumed at… (null: never interrupted). */
  kafka: TailKafkaState | null;
  /** Why the stream stopped (status "failed"). */
  /** Why the stream stopped (an ApiError or the tail's failure event): render it with useErrorText. */
  error: unknown;
  items: readonly TailItem[];
  /** Messages among `items` (markers excluded). */
  shown: number;
  /** Changes whenever `items` changed (the array is updated in place). */
  version: number;
  paused: boolean;
  /** Entries waiting while paused. */
  waiting: number;
  received: number;
  droppedByLimit: number;
  pause: () => void;
  resume: () => void;
  clear: () => void;
  /** Shown messages as JSON Lines. */
  exportJsonLines: () => string;
}

export function tailUrl(topic: string, filter: Partial<TailFilter>): string {
  const qs = filterToSearchParams(filter).toString();
  return `${topicPath(topic)}/tail${qs ? `?${qs}` : ""}`;
}

export function useTopicTail(topic: string, filter: Partial<TailFilter>, max = DEFAULT_MAX_KEPT): TopicTail {
  const url = useMemo(() => tailUrl(topic, filter), [topic, filter]);
  const buffer = useRef(new TailBuffer(max));
  const pending = useRef<TailInput[]>([]);
  const frame = useRef<number | null>(null);
  const pausedRef = useRef(false);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState<TailStatus>("connecting");
  const [ready, setReady] = useState<TailReady | null>(null);
  const [kafka, setKafka] = useState<TailKafkaState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [paused, setPaused] = useState(false);
  const received = useRef(0);

  const flush = useCallback(() => {
    frame.current = null;
    if (pausedRef.current || pending.current.length === 0) {
      setVersion((v) => v + 1); // updates the "waiting" count while paused
      return;
    }
    buffer.current.append(pending.current.splice(0));
    setVersion((v) => v + 1);
  }, []);

  const enqueue = useCallback(
    (input: TailInput) => {
      pending.current.push(input);
      // A hidden tab runs no animation frames and a paused view flushes nothing: never hold much more than the
      // view could show. Trimmed in chunks, not one entry per message (a splice of 5,000 entries 1,000 times/s).
      const excess = pending.current.length - buffer.current.max;
      if (excess > TRIM_CHUNK) {
        pending.current.splice(0, excess);
        buffer.current.droppedByLimit += excess;
      }
      frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  useEffect(() => {
    buffer.current.setMax(max);
    setVersion((v) => v + 1);
  }, [max]);

  useEffect(() => {
    // A new stream (topic or filters changed) starts a new view: the server replays its buffer, filtered.
    buffer.current.clear();
    pending.current = [];
    setStatus("connecting");
    setReady(null);
    setKafka(null);
    setError(null);
    received.current = 0;
    setVersion((v) => v + 1);

    const source = new EventSource(url);
    source.addEventListener("ready", (e) => {
      setReady(JSON.parse((e as MessageEvent<string>).data) as TailReady);
      setStatus("live");
    });
    // The stream is up but the server's consumer cannot reach Kafka: "reconnecting" until it fetches again.
    source.addEventListener("tail-state", (e) => {
      const state = JSON.parse((e as MessageEvent<string>).data) as TailKafkaState;
      setKafka(state);
      setStatus(state.state === "reconnecting" ? "reconnecting" : "live");
    });
    source.addEventListener("message", (e) => {
      received.current++;
      enqueue({ kind: "message", message: JSON.parse((e as MessageEvent<string>).data) as TopicMessage });
    });
    source.addEventListener("skipped", (e) => enqueue({ kind: "skipped", count: (JSON.parse((e as MessageEvent<string>).data) as { count: number }).count }));
    source.addEventListener("gap", (e) => enqueue({ kind: "gap", gap: JSON.parse((e as MessageEvent<string>).data) as TailGap }));
    source.addEventListener("tail-error", (e) => {
      const failure = JSON.parse((e as MessageEvent<string>).data) as TailFailure;
      setError(failure);
      setStatus("failed");
      source.close();
    });
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        setStatus("reconnecting");
        return;
      }
      // Closed for good: the server refused the stream (unknown topic, bad filter…). Ask it why.
      setStatus("failed");
      const ctrl = new AbortController();
      fetch(url, { signal: ctrl.signal, headers: { accept: "application/json" } })
        .then(async (res) => {
          setError(res.ok ? null : await responseError(res));
          ctrl.abort();
        })
        .catch((err: unknown) => setError((current: unknown) => current ?? err));
    };
    return () => {
      source.close();
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
  }, [url, enqueue]);

  const pause = useCallback(() => {
    pausedRef.current = true;
    setPaused(true);
  }, []);
  const resume = useCallback(() => {
    pausedRef.current = false;
    setPaused(false);
    frame.current ??= requestAnimationFrame(flush);
  }, [flush]);
  const clear = useCallback(() => {
    buffer.current.clear();
    pending.current = [];
    setVersion((v) => v + 1);
  }, []);
  const exportJsonLines = useCallback(() => buffer.current.toJsonLines(), []);

  return {
    status,
    ready,
    kafka,
    error,
    items: buffer.current.items,
    shown: buffer.current.messageCount,
    paused,
    waiting: paused ? Math.min(pending.current.length, buffer.current.max) : 0,
    received: received.current,
    version,
    droppedByLimit: buffer.current.droppedByLimit,
    pause,
    resume,
    clear,
    exportJsonLines,
  };
}
