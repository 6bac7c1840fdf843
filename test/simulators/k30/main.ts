import { runK30SimulatorCli } from './cli.ts';

// node test/simulators/k30/main.ts --host 127.0.0.4 --port 8080 [--company 1762766749844335]
runK30SimulatorCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
