import { RouteLoading } from "@/components/shell/RouteLoading";

export default function Loading() {
  return <RouteLoading />;
}
