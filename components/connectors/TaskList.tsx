"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { useRestartTaskMutation } from "@/data/connectors/use-restart-task";
import type { TaskSummary } from "@/lib/connect/shared/types";
import { ActionError } from "./ActionError";
import { StateBadge } from "./StateBadge";
import { TraceBlock } from "./TraceBlock";

export function TaskList({ cluster, name, tasks }: { cluster: string; name: string; tasks: TaskSummary[] }) {
  const t = useT();
  const canOperate = useCanOperate();
  const restart = useRestartTaskMutation(cluster, name);
  return (
    <Section heading={t("connectors.detail.tasks")} headingClassName="text-lg font-semibold" className="rounded-lg border border-slate-300 bg-white p-4">
      {tasks.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("connectors.detail.noTasks")}</p>
      ) : (
        <ul className="mt-2 space-y-3">
          {tasks.map((task) => (
            <li key={task.id} className="border-t border-slate-200 pt-3 first:border-t-0 first:pt-0" data-testid={`task-${task.id}`} data-state={task.state}>
              <div className="flex flex-wrap items-center gap-3">
                <span className="font-semibold">{t("connectors.detail.task", { id: task.id })}</span>
                <StateBadge state={task.state} testId={`task-${task.id}-state`} />
                <span className="text-xs text-slate-600" data-testid={`task-${task.id}-worker`} data-worker={task.workerId ?? ""}>
                  {task.workerId ? t("connectors.detail.taskWorker", { worker: task.workerId }) : t("connectors.detail.noWorker")}
                </span>
                {canOperate ? (
                  <Button variant="ghost" className="border border-slate-400" disabled={restart.isPending} onClick={() => restart.mutate(task.id)} data-testid={`task-${task.id}-restart`}>
                    {t("connectors.detail.restartTask")}
                  </Button>
                ) : null}
              </div>
              {task.trace ? <TraceBlock trace={task.trace} testId={`task-${task.id}-trace`} /> : null}
            </li>
          ))}
        </ul>
      )}
      <ActionError error={restart.error} />
    </Section>
  );
}
