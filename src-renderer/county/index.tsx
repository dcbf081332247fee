// County review screens (a county station, online): incoming batches per station, one batch's
// records with accept/return per record, silent stations, conflicts in the aggregate.
export function CountyScreen() {
  return null;
}

export function CountyBatchScreen(_props: { batchId: string }) {
  return null;
}

export function ConflictsScreen() {
  return null;
}
