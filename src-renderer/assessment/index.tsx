// The monthly 考核 and pay of a post's closed month, reached from its attendance screen.
export { AssessmentScreen } from './AssessmentScreen';
export { AssessmentPolicyFields } from './AssessmentPolicyFields';
