// The change-event rendering is shared with the lake preview: components/change/ChangeEventView.tsx.
export { ChangeEventView, type LastSeenRow } from "@/components/change/ChangeEventView";
