import { runHongtuSimulatorCli } from './cli.ts';

// node test/simulators/hongtu/main.ts --host 127.0.0.3 --port 18082 [--app-key appkey1 --secret …] [--tls]
runHongtuSimulatorCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
