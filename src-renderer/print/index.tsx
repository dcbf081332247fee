// Printed forms: the buttons the screens show and the print route's helpers. The route itself
// (PrintRoute.tsx, with the forms and print.css) is a chunk the shell loads when a form is shown.
export { PrintButton } from './PrintButton';
export { HardshipNoticeButton } from './HardshipNoticeButton';
export { ResidentPrintButtons } from './ResidentPrintButtons';
export { ServicePrintAction } from './ServicePrintAction';
export { SessionPrintButtons } from './SessionPrintButtons';
export { printForm, printRoute } from './printing';
