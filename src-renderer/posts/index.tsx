// The public-welfare posts UI: the posts list, one post with its holders, and a month's
// attendance grid with the month close.
export { PostsScreen } from './PostsScreen';
export { PostDetailScreen } from './PostDetailScreen';
export { AttendanceScreen } from './AttendanceScreen';
