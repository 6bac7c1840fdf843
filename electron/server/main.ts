// `npm run web`: the core and its local WebSocket server, serving the built renderer to a browser.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApiError } from '../../shared/contract/errors.ts';
import { createTranslator, langFromLocale } from '../../shared/i18n/index.ts';
import { localizeError } from '../../shared/i18n/errors.ts';
import { createCore, type Core } from '../core/create-core.ts';
import { resolveDataDir } from '../core/data-dir.ts';
import { logFilePath } from '../log/logger.ts';
import { startWebServer } from './web-server.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    json: { type: 'boolean', default: false },
  },
});

const staticDir = fileURLToPath(new URL('../../out/renderer/', import.meta.url));
if (!existsSync(staticDir)) {
  process.stderr.write(`The renderer is not built (${staticDir} is missing). Run: npm run build\n`);
  process.exit(1);
}

const dataDir = resolveDataDir({ flag: values['data-dir'] });
const port = Number(values.port);
let core: Core;
try {
  core = createCore({ dataDir, runtime: 'node' });
} catch (error) {
  const i18n = createTranslator(langFromLocale(process.env['LANG']));
  const body = error instanceof ApiError ? error.toBody() : new ApiError('internal', String(error)).toBody();
  process.stderr.write(`${localizeError(i18n, body)}\n`);
  process.exit(1);
}
const server = await startWebServer({ core, staticDir, port: Number.isInteger(port) ? port : 0 });
// Enrolled people reach their backends in the background, and again whenever one comes back.
core.sync.start();
await core.receivers.resume();
// The event pipeline: one stream per backend of the current site, for as long as the server runs.
await core.events.start();
// Door states read whatever page is open: a door going into alarm raises its alarm.
core.doors.start();

if (values.json) {
  process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, token: server.token, dataDir })}\n`);
} else {
  process.stdout.write(
    `Doorman is running. Open this whole link in Chrome, Edge or Firefox (the part after # is this run's access token;\n` +
      `the page keeps it in its own tab and never sends it to any other server):\n` +
      `Doorman 已启动。请在浏览器中打开以下完整链接（# 之后是本次运行的访问令牌，页面只把它保存在本标签页中，不会发给其他服务器）：\n\n  ${server.url}\n\n` +
      `Data folder / 数据文件夹: ${dataDir}\nLog / 日志: ${logFilePath(dataDir)}\nPress Ctrl+C to stop. / 按 Ctrl+C 停止。\n`,
  );
}

async function shutdown(): Promise<void> {
  await server.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
