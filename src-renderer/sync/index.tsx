// Placeholder, replaced by the sync status indicator and connect dialog.
export function SyncIndicator() {
  return null;
}
