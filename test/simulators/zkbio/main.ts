import { runZkbioSimulatorCli } from './cli.ts';

// node test/simulators/zkbio/main.ts --host 127.0.0.2 --port 8098 --token T [--tls]
runZkbioSimulatorCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
