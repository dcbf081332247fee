// The printed forms themselves: plain HTML tables sized for A4 (see print.css), one file per
// form. Long tables repeat their header rows on every page (thead); signature blocks never
// split across pages.

export { Registration } from './Registration';
export { HardshipApplication } from './HardshipApplication';
export { HardshipNotice } from './HardshipNotice';
export { AttendanceSheet } from './AttendanceSheet';
export { SignInSheet } from './SignInSheet';
export { TrainingSummary } from './TrainingSummary';
export { VisitRecord } from './VisitRecord';
export { ServiceCard } from './ServiceCard';
export { PayrollSheet } from './PayrollSheet';
export { DeductionNotice } from './DeductionNotice';
export { RecruitNotice } from './RecruitNotice';
export { RecruitPublicity } from './RecruitPublicity';
