// Placeholder screens, replaced by the posts and attendance UI.
export function PostsScreen() {
  return null;
}
export function PostDetailScreen(_props: { postId: string }) {
  return null;
}
export function AttendanceScreen(_props: { postId: string; month: string }) {
  return null;
}
