import { PageChart } from "@/components/charts/PageChart";
import { GeneratorsConsole } from "@/components/generators/GeneratorsConsole";
import { AreaPage, titleMetadata } from "@/app/area-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("generators.title");

export default function GeneratorsPage() {
  return (
    <AreaPage area="generators" layout="lede" viewerNote="generators.viewerNote">
      <GeneratorsConsole />
      <PageChart chart="generators" />
    </AreaPage>
  );
}
