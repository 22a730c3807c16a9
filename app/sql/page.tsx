import { SqlWorkbench } from "@/components/sql/SqlWorkbench";
import { AreaPage, titleMetadata } from "@/app/area-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("sql.title");

export default function SqlPage() {
  return (
    <AreaPage area="sql" viewerNote="sql.readOnly">
      <SqlWorkbench />
    </AreaPage>
  );
}
