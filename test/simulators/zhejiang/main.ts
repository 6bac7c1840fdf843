import { runZhejiangSimulatorCli } from './cli.ts';

// node test/simulators/zhejiang/main.ts --host 127.0.0.5 --tcp-port 8900 --https-port 8943 [--http]
runZhejiangSimulatorCli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
