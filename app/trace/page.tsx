import { StartTraceForm } from "@/components/trace/StartTraceForm";
import { TraceButton } from "@/components/trace/TraceButton";
import { TraceList } from "@/components/trace/TraceList";
import { AreaPage, titleMetadata } from "@/app/area-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("trace.title");

/** Trace a change: the start form (operator) and the stored traces (everyone). */
export default function TracePage() {
  return (
    <AreaPage area="trace" layout="lede" aside={<TraceButton className="mt-4" />}>
      <StartTraceForm />
      <TraceList />
    </AreaPage>
  );
}
