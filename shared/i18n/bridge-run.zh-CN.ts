import type { bridgeRunEn } from './bridge-run.en.ts';

/** 简体中文：在终端运行浙江平台桥接（issue 16 第 2、6 项：`bridge run|status|test`）。键与 bridge-run.en.ts 相同。 */
export const bridgeRunZhCN: typeof bridgeRunEn = {
  bridgeRun: {
    started_one: '桥接 {{bridge}} 正在运行，共 {{count}} 台设备。按 Ctrl+C 停止。',
    started_other: '桥接 {{bridge}} 正在运行，共 {{count}} 台设备。按 Ctrl+C 停止。',
    stopped: '桥接 {{bridge}} 已停止。',
    note: '{{time}}  {{note}}',
    noDevices: '桥接 {{bridge}} 没有设备：请用“bridge device add {{bridge}} --sn <设备号>”添加。',
    runningHere: '桥接 {{bridge}}：运行中',
    notRunning: '桥接 {{bridge}}：未运行——桌面应用和终端都没有在运行它。“bridge run {{bridge}}”可在此运行。',
    runningElsewhere: '桥接 {{bridge}}：正在{{where}}运行（{{host}} 上的进程 {{pid}}），自 {{since}} 起，最近确认于 {{seen}}。实时会话请在那里查看。',
    where: { app: '桌面应用中', terminal: '终端（bridge run）中' },
    deviceRow: '  {{sn}}  {{status}}  最近心跳 {{heartbeat}}  令牌已用 {{tokenAge}}  待发送 {{queue}}  未完成任务 {{tasks}}',
    deviceError: '    最近错误 {{code}}：{{message}}',
    deviceAdvice: '    {{advice}}',
    never: '从未',
    none: '—',
    seconds: '{{seconds}} 秒',
    check: {
      tcp: 'TCP 连通',
      auth: '认证（C_AUTH）',
      clock: '时钟偏差',
      https: 'HTTPS 连通',
    },
    verdict: { ok: '正常   ', failed: '失败   ', skipped: '—      ' },
    checkLine: '{{verdict}} {{name}}：{{detail}}',
    platformCode: '平台错误 {{code}}',
    advice: '        {{advice}}',
    clockAdvice: '本机时钟与平台相差 {{seconds}} 秒。请校准时间（北京时间，开启 NTP 同步）：时间戳不符的请求会被平台拒绝（400_05）。',
    clockUnknown: '平台未告知时间，无法比较时钟。',
    allOk: '桥接 {{bridge}}，设备 {{sn}}：全部检查通过。',
    someFailed: '桥接 {{bridge}}，设备 {{sn}}：有检查未通过——请按上面的建议处理，然后再次运行“bridge test {{bridge}}”。',
  },
};
