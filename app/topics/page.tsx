import { TopicsOverview } from "@/components/topics/TopicsOverview";
import { AreaPage, titleMetadata } from "@/app/area-page";

export const generateMetadata = titleMetadata("topics.title");

export default function TopicsPage() {
  return (
    <AreaPage area="topics" layout="lede">
      <TopicsOverview />
    </AreaPage>
  );
}
