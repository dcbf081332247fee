// The policy-parameters admin screen (dated reference data).
export { PolicyScreen } from './PolicyScreen';
