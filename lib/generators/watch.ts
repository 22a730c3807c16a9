import "server-only";
import { generatorRegistry } from "./registry";
import { describeFailure } from "./run/runner";
import type { GeneratorEvent, GeneratorStates } from "./shared/types";

const PROGRESS_MS = 500;
/** Runs of other processes (the CLI, another console) are re-read from the database this often. */
const REMOTE_POLL_MS = 2_000;

export type GeneratorStreamEvent = GeneratorEvent | { type: "error"; code: string; message: string };

/**
 * What a generators page follows: first every generator's state (its running run, else its last one), then the
 * live runs' counters twice a second and each run's end; runs of other processes are re-read every 2 s.
 * Returns the function that stops watching.
 */
export function watchGenerators(send: (event: GeneratorStreamEvent) => void): () => void {
  const registry = generatorRegistry();
  let states: GeneratorStates | null = null;
  const hasRemoteRun = () =>
    states !== null && Object.values(states).some((s) => s && (s.status === "running" || s.status === "stopping") && !registry.isLive(s.generator));
  const sendStates = async () => {
    try {
      states = await registry.states();
      send({ type: "snapshot", states });
    } catch (e) {
      send({ type: "error", code: "console_db_unavailable", message: `Could not read the generators' state from the console database: ${describeFailure(e)}` });
    }
  };
  const unsubscribe = registry.subscribe((event) => {
    if (states && event.type !== "snapshot") states = { ...states, [event.run.generator]: event.run };
    send(event);
  });
  const progress = setInterval(() => {
    for (const run of registry.liveRuns()) send({ type: "progress", run });
  }, PROGRESS_MS);
  const remote = setInterval(() => {
    if (hasRemoteRun()) void sendStates();
  }, REMOTE_POLL_MS);
  void sendStates();
  return () => {
    unsubscribe();
    clearInterval(progress);
    clearInterval(remote);
  };
}
