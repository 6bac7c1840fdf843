import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printHtmlToPdf } from '../../../electron/reports/pdf.ts';
import type { SiteReportData } from '../../../electron/reports/report-data.ts';
import { siteReportHtml } from '../../../electron/reports/report-html.ts';
import type { DoorTestResult, DoorTestVerdict } from '../../../shared/contract/door-tests.ts';
import { createTranslator, type Lang } from '../../../shared/i18n/index.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

/** Long evidence and advice, as a real failure has: what squeezed the short columns before. */
const ADVICE = {
  en: 'The backend accepted the command but reported no door event within the waiting time. Check that the door panel is online in the backend, that its clock is right, and that event upload is switched on; then run the test again.',
  'zh-CN': '后台接受了命令，但在等待时间内没有上报开门事件。请检查门禁控制器在后台是否在线、时钟是否正确、事件上传是否已开启，然后重新测试。',
};

function result(id: number, verdict: DoorTestVerdict, doorName: string): DoorTestResult {
  return {
    id,
    runId: `run-${id}-abcdef`,
    siteId: 1,
    backendId: 1,
    vendor: 'zkbio',
    doorId: `door-${id}`,
    doorName,
    test: id % 2 === 0 ? 'walk' : 'open',
    verdict,
    latencyMs: verdict === 'pass' ? 412.4 : null,
    message: '',
    advice: verdict === 'pass' ? null : ADVICE,
    installer: '李雷',
    personPin: null,
    startedAt: '2026-12-07T06:15:30.000Z',
    finishedAt: '2026-12-07T06:15:31.000Z',
    evidence: {
      event: {
        eventId: `e${id}`,
        occurredAt: '2026-12-07 14:15:31',
        kind: 'remote-open',
        doorId: `door-${id}`,
        doorName,
        deviceSerial: 'CGXH201260001',
        readerName: null,
        personPin: null,
        personName: '韩梅梅',
        verifyMode: null,
        description: '远程开门（Remote Opening），控制器已确认继电器动作并上报门磁状态变化',
        photoUrl: null,
      },
      steps: [],
    },
  };
}

const data: SiteReportData = {
  site: { id: 1, name: '杭州 3 号楼', address: '杭州市西湖区文三路88号', timeZone: 'Asia/Shanghai', createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z' },
  generatedAt: '2026-12-07T06:30:00.000Z',
  timeZone: 'Asia/Shanghai',
  backends: [
    {
      backend: { id: 1, siteId: 1, vendor: 'zkbio', name: 'ZKBio 主机', baseUrl: 'http://192.168.1.20:8098', tls: 'verify', credentialFields: ['token'], createdAt: '2026-12-01T00:00:00.000Z', updatedAt: '2026-12-01T00:00:00.000Z', lastTest: null, inventoryAt: null },
      inventory: null,
      tests: [result(1, 'pass', '北门（主入口）'), result(2, 'fail', '地下车库电梯厅'), result(3, 'timeout', '南门'), result(4, 'unsupported', '东侧消防通道门'), result(5, 'cancelled', '西门')],
    },
  ],
};

async function pdfText(lang: Lang): Promise<string> {
  const { html } = siteReportHtml(data, createTranslator(lang), lang, { installer: 'Li Lei', customer: 'Han Meimei' });
  const file = join(tempDir(), `report-${lang}.pdf`);
  await printHtmlToPdf(html, file);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('the printed commissioning report (issue 12 item 10)', () => {
  it('keeps every Chinese verdict and test name whole on one line, and has the sign-off block', async () => {
    const text = await pdfText('zh-CN');
    // Before the fix the verdict column was one character wide: 通 / 过 on two lines.
    for (const word of ['通过', '失败', '超时', '不支持', '已取消', '远程开门', '人员通行', '412毫秒']) expect(text).toContain(word);
    for (const label of ['验收签字', '工地地址', '杭州市西湖区文三路88号', '调试人员（安装方）', '客户代表', '签字', '日期', 'Li Lei', 'Han Meimei', 'Asia/Shanghai']) {
      expect(text).toContain(label);
    }
    // The date in the site's zone (06:30 UTC is 14:30 in Shanghai, still 7 December).
    expect(text).toContain('2026年12月7日');
  }, 90_000);

  it('lays out the English report the same way, with its sign-off labels', async () => {
    const text = await pdfText('en');
    for (const word of ['Pass', 'Fail', 'Timeout', 'Not supported', 'Cancelled', 'Remote open', 'Walk-through']) expect(text).toContain(word);
    for (const label of ['Sign-off', 'Site address', 'Installer', 'Customer representative', 'Signature', 'Date', 'Li Lei', 'Han Meimei', 'December 7, 2026']) {
      expect(text).toContain(label);
    }
  }, 90_000);

  it('leaves a line to write the address by hand when the site has none, and escapes what it prints', () => {
    const lang = 'en';
    const { html } = siteReportHtml({ ...data, site: { ...data.site, address: '' } }, createTranslator(lang), lang, { installer: '<b>x</b>', customer: '' });
    expect(html).toContain('no address on record');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
  });
});
