import { BucketsPanel } from "@/components/lake/BucketsPanel";
import { AreaPage, titleMetadata } from "@/app/area-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("lake.title");

export default function LakePage() {
  return (
    <AreaPage area="lake" viewerNote="lake.readOnly">
      <BucketsPanel />
    </AreaPage>
  );
}
