// The console has one confirmation dialog: components/ui/ConfirmDialog.tsx (kept here for existing imports).
export { ConfirmDialog } from "@/components/ui/ConfirmDialog";
