// What a login opens, in its own chunks (issue 18): a logged-in user's frame (./Session.tsx),
// antd's App around the shell (./AppMessages.tsx), a village's landing screen (待办) and the
// residents list, its most used screen. The login screen fetches and runs them while the clerk
// types, so the login waits for no file and each is drawn at once, with no loading state
// (../components/loadable.tsx). Here, not in ./lazyScreens.ts, so the login's first chunk does not
// carry every screen's list of files.

import { loadable } from '../components/loadable';

/** A logged-in user's frame: the header's account buttons, the side menu, the route's screen. */
export const SessionFrame = loadable(() => import('./Session').then((m) => m.SessionFrame));
/** antd's App, at the shell's root once a session or a first-run screen was shown, and kept. */
export const AppMessages = loadable(() => import('./AppMessages').then((m) => m.AppMessages));

let prefetched = false;

/** Fetches and runs what the login opens, once per page; a failed fetch is tried again when the screen is opened. */
export function prefetchAfterLogin(): void {
  if (prefetched) return;
  prefetched = true;
  const ignore = () => undefined;
  SessionFrame.preload().catch(ignore);
  AppMessages.preload().catch(ignore);
  import('./lazyScreens').then((screens) => Promise.all([screens.WorklistScreen.preload(), screens.ResidentsScreen.preload()]), ignore).catch(ignore);
}
