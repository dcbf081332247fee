// Modules the build makes (vite.plugins.ts).

declare module 'virtual:leye-access' {
  /** Each handler's and permission's access lists, copied from shared/rpc/handlers.ts's `accessTable()`. */
  const access: Record<string, 'public' | readonly string[]>;
  export default access;
}
