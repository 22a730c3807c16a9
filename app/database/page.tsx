import { PageChart } from "@/components/charts/PageChart";
import { DatabaseView } from "@/components/database/DatabaseView";
import { AreaPage, titleMetadata } from "@/app/area-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("database.title");

/** ?db=oltp|dw (or the database's name)&tab=catalog|replication|doctor&schema=&table=&cluster=&connector= (read by DatabaseView). */
export default function DatabasePage() {
  return (
    <AreaPage area="database" viewerNote="database.readOnly">
      <DatabaseView />
      <PageChart chart="slots" />
    </AreaPage>
  );
}
