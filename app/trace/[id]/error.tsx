"use client";

import { RouteError, type RouteErrorProps } from "@/components/shell/RouteError";

export default function ErrorPage(props: RouteErrorProps) {
  return <RouteError {...props} />;
}
