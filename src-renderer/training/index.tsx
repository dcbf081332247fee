// Placeholder screens, replaced by the training UI.
export function TrainingListScreen() {
  return null;
}
export function SessionScreen(_props: { sessionId: string }) {
  return null;
}
export function SignInScreen(_props: { sessionId: string }) {
  return null;
}
