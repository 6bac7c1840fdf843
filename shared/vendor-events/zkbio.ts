import type { EventNameTable } from './table.ts';

/**
 * ZKBio CVSecurity's event names (`eventName`, "transaction description"). The document gives no
 * event-code table (zkbio.md §6.6): these are the names its examples show, each with the eventNo it
 * pairs them with where it does — 2.19.2–2.19.17 (0 "Normal Verify Open", also spelt "Nomal verify
 * open the door"; 8 "remote opening"), 2.19.4 ("card is not registered", "enable device",
 * "connect server successfully"), 2.27.1 (110, 700), 2.19.6 ("Device Started", "Connect to
 * Server"). ZKBio localises the names to its own UI language, so the Chinese UI's names are keys
 * too. Keys are compared lower-case with the spaces collapsed.
 */
export const ZKBIO_EVENT_NAMES: EventNameTable = [
  { names: ['normal verify open', 'nomal verify open the door', 'normal verify open the door', '正常验证开门'], en: 'Normal verification, door opened', 'zh-CN': '正常验证开门' },
  { names: ['remote opening', 'remote open', '远程开门'], en: 'Remote opening', 'zh-CN': '远程开门' },
  { names: ['remote closing', 'remote close', '远程关门'], en: 'Remote closing', 'zh-CN': '远程关门' },
  { names: ['card is not registered', 'card not registered', '卡未注册'], en: 'Card not registered', 'zh-CN': '卡未注册' },
  { names: ['the entrance control gate is not connected', '通道闸未连接'], en: 'Entrance control gate not connected', 'zh-CN': '通道闸未连接' },
  { names: ['connection abort', 'connection aborted', '连接中断'], en: 'Connection aborted', 'zh-CN': '连接中断' },
  { names: ['enable device', '启用设备'], en: 'Device enabled', 'zh-CN': '设备已启用' },
  { names: ['connect server successfully', '连接服务器成功'], en: 'Connected to the server', 'zh-CN': '连接服务器成功' },
  { names: ['connect to server', '连接服务器'], en: 'Connecting to the server', 'zh-CN': '连接服务器' },
  { names: ['device started', '设备启动'], en: 'Device started', 'zh-CN': '设备启动' },
];
