import type { i18n as I18n } from 'i18next';
import type { DoorTestResult } from '../../shared/contract/door-tests.ts';
import type { SignOff } from '../../shared/contract/reports.ts';
import { formatMs } from '../../shared/i18n/format-units.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import { eventNameText } from '../../shared/vendor-events/event-name.ts';
import type { SiteReportData } from './report-data.ts';
import { when, type Clock } from './report-time.ts';

/*
 * Layout for both languages. The door-test table has fixed column widths (table-layout: fixed and a
 * <colgroup>), so a long evidence text can no longer squeeze the short columns to their
 * min-content width: in Chinese that is one character, which printed 通过 as 通 / 过. Short cells
 * (verdict, test, latency, time, headers) never break inside a word or between CJK characters
 * (nowrap / keep-all); long ones (names, evidence, advice) wrap anywhere rather than overflow.
 */
const TEST_COLUMNS = [
  ['door', 15],
  ['test', 14],
  ['verdict', 13],
  ['latency', 8],
  ['time', 14],
  ['installer', 10],
  ['evidence', 26],
] as const;

const STYLE = `
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1b1f24; margin: 32px; font-size: 12px; line-height: 1.45; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 2px solid #1a4fb0; padding-bottom: 4px; }
  h3 { font-size: 13px; margin: 16px 0 6px; } .meta { color: #555; margin: 0 0 16px; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; } th, td { border: 1px solid #d0d5dc; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  th { background: #f1f3f6; white-space: nowrap; word-break: keep-all; overflow-wrap: normal; } .summary td { font-weight: 600; }
  table.tests { table-layout: fixed; font-size: 11px; } table.tests th { white-space: normal; }
  table.tests td:nth-child(2), table.tests td:nth-child(3), .nowrap { white-space: nowrap; word-break: keep-all; overflow-wrap: normal; }
  .keep { word-break: keep-all; overflow-wrap: normal; }
  ${TEST_COLUMNS.map(([key, width]) => `table.tests col.col-${key} { width: ${width}%; }`).join(' ')}
  .pass { color: #11703a; font-weight: 600; } .fail, .error { color: #b3261e; font-weight: 600; } .timeout { color: #a15c00; font-weight: 600; }
  .unsupported, .cancelled { color: #555; font-weight: 600; } .small { color: #555; font-size: 11px; }
  .signoff { break-inside: avoid; margin-top: 32px; } .signoff .statement { margin: 0 0 12px; }
  .signoff dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 12px; margin: 0 0 18px; } .signoff dt { font-weight: 600; white-space: nowrap; } .signoff dd { margin: 0; }
  .signers { display: grid; grid-template-columns: 1fr 1fr; gap: 32px; }
  .signer h3 { margin: 0 0 10px; white-space: nowrap; }
  .signer .line { display: grid; grid-template-columns: max-content 1fr; align-items: end; gap: 8px; margin: 0 0 18px; }
  .signer .line span:first-child { white-space: nowrap; } .signer .line .fill { border-bottom: 1px solid #1b1f24; min-height: 22px; padding: 0 4px; }
  @page { size: A4; margin: 14mm; } @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

/** The door-test table's columns and their share of the width: the short ones fit their longest word in either language. */

function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The vendor's event name through its table; one the table lacks as written, marked so. */
function eventName(vendor: string, name: string, tr: I18n['t'], lang: Lang): string {
  const { text, known } = eventNameText(vendor, name, lang);
  return known ? text : `${text} ${tr('vendorEvent.unknownMark', { vendor: tr(`report.vendors.${vendor}`, { defaultValue: vendor }) })}`;
}

function testRow(t: DoorTestResult, tr: I18n['t'], clock: Clock): string {
  const advice = t.advice ? (clock.lang === 'zh-CN' ? t.advice['zh-CN'] : t.advice.en) : '';
  const event = t.evidence.event;
  const evidence = event
    ? `${esc(tr(`report.kinds.${event.kind}`))} · ${esc(when(event.occurredAt, clock))}${event.personName ? ` · ${esc(event.personName)}` : ''}${event.description ? ` <span class="small">(${esc(eventName(t.vendor, event.description, tr, clock.lang))})</span>` : ''}`
    : '—';
  return `<tr>
    <td>${esc(t.doorName)}</td><td>${esc(tr(`report.tests.${t.test}`))}</td>
    <td class="${esc(t.verdict)}">${esc(tr(`report.verdicts.${t.verdict}`))}</td>
    <td class="nowrap">${t.latencyMs === null ? '—' : esc(formatMs(t.latencyMs, clock.lang))}</td>
    <td class="keep">${esc(when(t.startedAt, clock))}</td><td>${esc(t.installer || '—')}</td>
    <td>${evidence}${advice ? `<div class="small">${esc(advice)}</div>` : ''}</td>
  </tr>`;
}

function signOffBlock(data: SiteReportData, signOff: SignOff, t: I18n['t'], clock: Clock): string {
  const date = when(data.generatedAt, clock, 'date');
  const line = (label: string, value: string, testId: string) =>
    `<p class="line"><span>${esc(label)}</span><span class="fill" data-signoff="${testId}">${esc(value)}</span></p>`;
  const signer = (who: 'installer' | 'customer', name: string) => `<div class="signer">
      <h3>${esc(t(`reportSignOff.${who}`))}</h3>
      ${line(t('reportSignOff.name'), name, `${who}-name`)}
      ${line(t('reportSignOff.signature'), '', `${who}-signature`)}
      ${line(t('reportSignOff.date'), date, `${who}-date`)}
    </div>`;
  return `<section class="signoff">
    <h2>${esc(t('reportSignOff.title'))}</h2>
    <p class="statement">${esc(t('reportSignOff.statement'))}</p>
    <dl>
      <dt>${esc(t('reportSignOff.site'))}</dt><dd>${esc(data.site.name)}</dd>
      <dt>${esc(t('reportSignOff.address'))}</dt><dd data-signoff="address">${data.site.address ? esc(data.site.address) : `<span class="small">${esc(t('reportSignOff.noAddress'))}</span>`}</dd>
      <dt>${esc(t('reportSignOff.timeZone'))}</dt><dd>${esc(clock.timeZone)}</dd>
    </dl>
    <div class="signers">${signer('installer', signOff.installer)}${signer('customer', signOff.customer)}</div>
  </section>`;
}

/**
 * The commissioning report as one self-contained HTML document (inline style, no scripts, every
 * value escaped), in the user's language: what the UI shows and what is printed to PDF. It ends with
 * the sign-off block (site, address, installer and customer with signature lines, the date).
 */
export function siteReportHtml(data: SiteReportData, i18n: I18n, lang: Lang, signOff: SignOff = { installer: '', customer: '' }): { html: string; title: string } {
  const t = i18n.getFixedT(lang);
  const clock: Clock = { lang, timeZone: data.timeZone };
  const title = t('report.title', { site: data.site.name });
  const all = data.backends.flatMap((b) => b.tests);
  const count = (verdict: string) => all.filter((x) => x.verdict === verdict).length;
  // Widths by class, not style attributes: the Report page's policy (style-src 'self') refuses those.
  const testColumns = `<colgroup>${TEST_COLUMNS.map(([key]) => `<col class="col-${key}">`).join('')}</colgroup>`;
  const sections = data.backends.map(({ backend, inventory, tests }) => {
    const devices = inventory?.devices ?? [];
    const doors = inventory?.doors ?? [];
    return `<h2>${esc(backend.name)} <span class="small">(${esc(t(`report.vendors.${backend.vendor}`))} · ${esc(backend.baseUrl)})</span></h2>
      <p class="meta">${esc(t('report.lastTest'))}: ${backend.lastTest ? `${esc(t(`verdicts.${backend.lastTest.verdict}`))} · ${esc(when(backend.lastTest.at, clock))}` : '—'} ·
      ${esc(t('report.inventoryAt'))}: ${esc(when(backend.inventoryAt, clock))}</p>
      <h3>${esc(t('report.devices'))} (${devices.length})</h3>
      <table><tr><th>${esc(t('report.columns.name'))}</th><th>${esc(t('report.columns.serial'))}</th><th>${esc(t('report.columns.model'))}</th><th>${esc(t('report.columns.online'))}</th></tr>
      ${devices.map((d) => `<tr><td>${esc(d.name)}</td><td>${esc(d.serial ?? '—')}</td><td>${esc(d.model ?? '—')}</td><td class="nowrap">${d.online === null ? '—' : esc(t(d.online ? 'report.online' : 'report.offline'))}</td></tr>`).join('')}</table>
      <h3>${esc(t('report.doors'))} (${doors.length})</h3>
      <table><tr><th>${esc(t('report.columns.name'))}</th><th>${esc(t('report.columns.id'))}</th></tr>
      ${doors.map((d) => `<tr><td>${esc(d.name)}</td><td class="small">${esc(d.id)}</td></tr>`).join('')}</table>
      <h3>${esc(t('report.testsTitle'))} (${tests.length})</h3>
      <table class="tests">${testColumns}<tr>${TEST_COLUMNS.map(([key]) => `<th>${esc(t(`report.columns.${key}`))}</th>`).join('')}</tr>
      ${tests.map((x) => testRow(x, t, clock)).join('')}</table>`;
  });
  const html = `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>
    <h1>${esc(title)}</h1>
    <p class="meta">${esc(t('report.generated'))}: ${esc(when(data.generatedAt, clock))} (${esc(clock.timeZone)}) · Doorman</p>
    <table class="summary"><tr><th>${esc(t('report.summary.backends'))}</th><th>${esc(t('report.summary.tests'))}</th><th>${esc(t('report.verdicts.pass'))}</th><th>${esc(t('report.verdicts.fail'))}</th><th>${esc(t('report.verdicts.timeout'))}</th><th>${esc(t('report.summary.other'))}</th></tr>
    <tr><td>${data.backends.length}</td><td>${all.length}</td><td class="pass">${count('pass')}</td><td class="fail">${count('fail')}</td><td class="timeout">${count('timeout')}</td><td>${all.length - count('pass') - count('fail') - count('timeout')}</td></tr></table>
    ${sections.join('\n')}
    ${data.backends.length === 0 ? `<p>${esc(t('report.empty'))}</p>` : ''}
    ${signOffBlock(data, signOff, t, clock)}
  </body></html>`;
  return { html, title };
}
