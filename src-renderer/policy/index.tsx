// Placeholder screen, replaced by the policy-parameters UI.
export function PolicyScreen() {
  return null;
}
