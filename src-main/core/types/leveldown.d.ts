declare module 'leveldown' {
  const leveldown: unknown;
  export default leveldown;
}
