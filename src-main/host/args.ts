// Command-line options shared by both host entries.
export interface HostArgs {
  dataDir: string | null;
  port: number;
  renderer: string | null;
  token: string | null;
}

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { dataDir: null, port: 0, renderer: null, token: null };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    const take = () => {
      if (value === undefined) throw new Error(`${flag} needs a value`);
      i += 1;
      return value;
    };
    if (flag === '--data-dir') args.dataDir = take();
    else if (flag === '--port') args.port = Number(take());
    else if (flag === '--renderer') args.renderer = take();
    else if (flag === '--token') args.token = take();
  }
  return args;
}
