// What a login opens, in its own chunks (issue 18): a logged-in user's frame (./Session.tsx),
// antd's ConfigProvider and App around the shell (./AntdRoot.tsx), a village's landing screen (待办) and the
// residents list, its most used screen. The login screen fetches and runs them while the clerk
// types, so the login waits for no file and each is drawn at once, with no loading state
// (../components/loadable.tsx). Here, not in ./lazyScreens.ts, so the login's first chunk does not
// carry every screen's list of files.

import { loadable } from '../components/loadable';

/** A logged-in user's frame: the header's account buttons, the side menu, the route's screen. */
export const SessionFrame = loadable(() => import('./Session').then((m) => m.SessionFrame));
/** antd's ConfigProvider and App, at the shell's root once a screen other than the login was shown, and kept. */
export const AntdRoot = loadable(() => import('./AntdRoot').then((m) => m.AntdRoot));

let prefetched = false;

/** Fetches and runs what the login opens, once per page; a failed fetch is tried again when the screen is opened. */
export function prefetchAfterLogin(): void {
  if (prefetched) return;
  prefetched = true;
  const ignore = () => undefined;
  SessionFrame.preload().catch(ignore);
  AntdRoot.preload().catch(ignore);
  import('./lazyScreens').then((screens) => Promise.all([screens.WorklistScreen.preload(), screens.ResidentsScreen.preload()]), ignore).catch(ignore);
}
