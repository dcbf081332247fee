// Query keys of the posts screens: one place, so a save can refresh what it changed.

export const POSTS_KEY = ['posts', 'list'] as const;
export const postKey = (postId: string) => ['posts', 'get', postId] as const;
export const gridQueryKey = (postId: string, month: string) => ['attendance', 'month', postId, month] as const;
export const summaryQueryKey = (postId: string, month: string) => ['attendance', 'summary', postId, month] as const;
