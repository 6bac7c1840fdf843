/**
 * English: a Zhejiang device's TCP session (issue 16 item 2): why a connection was lost and what
 * happens next. Keys shared with zhejiang-session.zh-CN.ts; spread into en.ts (top level).
 */
export const zhejiangSessionEn = {
  zhejiangSession: {
    connectFailed: 'Doorman could not open the TCP connection to the Zhejiang platform at {{address}} ({{reason}}). It retries by itself with growing pauses; check the platform’s TCP address and port, and that this computer can reach it.',
    dropped: 'The Zhejiang platform closed the TCP connection. Doorman reconnects by itself and authenticates again; if this repeats, check the network and ask the platform operator whether the device is registered.',
    timeout: 'The Zhejiang platform did not answer {{apicode}} within {{seconds}} s. Doorman closed the connection and reconnects by itself; if this repeats, the platform is overloaded or the field numbers under “advanced” do not match the platform’s.',
    offline: 'Device {{sn}} is not connected to the Zhejiang platform right now ({{status}}). The record stays queued and is sent when the device is online again.',
    revoked: 'Device {{sn}} has stopped: the Zhejiang platform revoked the credentials (401_02). Enter new accessId, accessKey and accessSecret from the platform operator and start the bridge again.',
    stopped: 'Device {{sn}}’s session was stopped before the answer came. The record stays queued.',
  },
};
