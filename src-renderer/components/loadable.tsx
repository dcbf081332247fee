// A component from a module loaded on first use (issue 18), drawn at once when its module has
// already come. React.lazy alone suspends on its first render even when the module was fetched
// and run ahead (the login screen fetches what the login opens while the clerk types): the nearest
// Suspense boundary drew its loading state, committed it, and only then drew the screen, so the
// way from 登录 to the residents list drew a loading frame between the login's and the session's,
// and each screen's loading state before the screen.

import { lazy, useState, type ComponentType, type JSX } from 'react';

export type Loadable<P extends object> = ((props: P) => JSX.Element) & {
  /** Fetches and runs the module; once it has come, the component is drawn without suspending. */
  preload(): Promise<ComponentType<P>>;
};

export function loadable<P extends object>(load: () => Promise<ComponentType<P>>): Loadable<P> {
  let ready: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (ready = component),
      (error: unknown) => {
        loading = undefined; // a failed fetch is tried again at the next preload or first draw
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function LoadableComponent(props: P) {
    // Chosen once per mount: switching from the lazy one to the loaded one under a mounted
    // component would mount it anew and lose its state.
    const [Component] = useState<ComponentType<P>>(() => ready ?? (Lazy as unknown as ComponentType<P>));
    return <Component {...props} />;
  }
  return Object.assign(LoadableComponent, { preload });
}
