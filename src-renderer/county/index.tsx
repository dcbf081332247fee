// County review screens (a county station, online): incoming batches per station, one batch's
// records with accept/return per record, silent stations, conflicts in the aggregate.
export { CountyScreen } from './CountyScreen';
export { CountyBatchScreen } from './CountyBatchScreen';
export { ConflictsScreen } from './ConflictsScreen';
