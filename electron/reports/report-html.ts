import type { i18n as I18n } from 'i18next';
import type { DoorTestResult } from '../../shared/contract/door-tests.ts';
import { formatTime, localTimeZone } from '../../shared/i18n/format-time.ts';
import { formatMs } from '../../shared/i18n/format-units.ts';
import type { Lang } from '../../shared/i18n/index.ts';
import { eventNameText } from '../../shared/vendor-events/event-name.ts';
import type { SiteReportData } from './report-data.ts';

const STYLE = `
  body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: #1b1f24; margin: 32px; font-size: 12px; }
  h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 2px solid #1a4fb0; padding-bottom: 4px; }
  h3 { font-size: 13px; margin: 16px 0 6px; } .meta { color: #555; margin: 0 0 16px; }
  table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; } th, td { border: 1px solid #d0d5dc; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f1f3f6; } .summary td { font-weight: 600; }
  .pass { color: #11703a; font-weight: 600; } .fail, .error { color: #b3261e; font-weight: 600; } .timeout { color: #a15c00; font-weight: 600; }
  .unsupported, .cancelled { color: #555; font-weight: 600; } .small { color: #555; font-size: 11px; }
  @page { size: A4; margin: 14mm; } @media print { body { margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
`;

function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

function when(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  // In the site's zone, as the screens show it (the core runs at the site: its zone stands for the site's).
  return formatTime(iso, lang, { timeZone: localTimeZone(), seconds: true });
}

/** The vendor's event name through its table; one the table lacks as written, marked so. */
function eventName(vendor: string, name: string, tr: I18n['t'], lang: Lang): string {
  const { text, known } = eventNameText(vendor, name, lang);
  return known ? text : `${text} ${tr('vendorEvent.unknownMark', { vendor: tr(`report.vendors.${vendor}`, { defaultValue: vendor }) })}`;
}

function testRow(t: DoorTestResult, tr: I18n['t'], lang: Lang): string {
  const advice = t.advice ? (lang === 'zh-CN' ? t.advice['zh-CN'] : t.advice.en) : '';
  const event = t.evidence.event;
  const evidence = event
    ? `${esc(tr(`report.kinds.${event.kind}`))} · ${esc(when(event.occurredAt, lang))}${event.personName ? ` · ${esc(event.personName)}` : ''}${event.description ? ` <span class="small">(${esc(eventName(t.vendor, event.description, tr, lang))})</span>` : ''}`
    : '—';
  return `<tr>
    <td>${esc(t.doorName)}</td><td>${esc(tr(`report.tests.${t.test}`))}</td>
    <td class="${esc(t.verdict)}">${esc(tr(`report.verdicts.${t.verdict}`))}</td>
    <td>${t.latencyMs === null ? '—' : esc(formatMs(t.latencyMs, lang))}</td>
    <td>${esc(when(t.startedAt, lang))}</td><td>${esc(t.installer || '—')}</td>
    <td>${evidence}${advice ? `<div class="small">${esc(advice)}</div>` : ''}</td>
  </tr>`;
}

/**
 * The commissioning report as one self-contained HTML document (inline style, no scripts, every
 * value escaped), in the user's language: what the UI shows and what is printed to PDF.
 */
export function siteReportHtml(data: SiteReportData, i18n: I18n, lang: Lang): { html: string; title: string } {
  const t = i18n.getFixedT(lang);
  const title = t('report.title', { site: data.site.name });
  const all = data.backends.flatMap((b) => b.tests);
  const count = (verdict: string) => all.filter((x) => x.verdict === verdict).length;
  const sections = data.backends.map(({ backend, inventory, tests }) => {
    const devices = inventory?.devices ?? [];
    const doors = inventory?.doors ?? [];
    return `<h2>${esc(backend.name)} <span class="small">(${esc(t(`report.vendors.${backend.vendor}`))} · ${esc(backend.baseUrl)})</span></h2>
      <p class="meta">${esc(t('report.lastTest'))}: ${backend.lastTest ? `${esc(t(`verdicts.${backend.lastTest.verdict}`))} · ${esc(when(backend.lastTest.at, lang))}` : '—'} ·
      ${esc(t('report.inventoryAt'))}: ${esc(when(backend.inventoryAt, lang))}</p>
      <h3>${esc(t('report.devices'))} (${devices.length})</h3>
      <table><tr><th>${esc(t('report.columns.name'))}</th><th>${esc(t('report.columns.serial'))}</th><th>${esc(t('report.columns.model'))}</th><th>${esc(t('report.columns.online'))}</th></tr>
      ${devices.map((d) => `<tr><td>${esc(d.name)}</td><td>${esc(d.serial ?? '—')}</td><td>${esc(d.model ?? '—')}</td><td>${d.online === null ? '—' : esc(t(d.online ? 'report.online' : 'report.offline'))}</td></tr>`).join('')}</table>
      <h3>${esc(t('report.doors'))} (${doors.length})</h3>
      <table><tr><th>${esc(t('report.columns.name'))}</th><th>${esc(t('report.columns.id'))}</th></tr>
      ${doors.map((d) => `<tr><td>${esc(d.name)}</td><td class="small">${esc(d.id)}</td></tr>`).join('')}</table>
      <h3>${esc(t('report.testsTitle'))} (${tests.length})</h3>
      <table><tr><th>${esc(t('report.columns.door'))}</th><th>${esc(t('report.columns.test'))}</th><th>${esc(t('report.columns.verdict'))}</th><th>${esc(t('report.columns.latency'))}</th><th>${esc(t('report.columns.time'))}</th><th>${esc(t('report.columns.installer'))}</th><th>${esc(t('report.columns.evidence'))}</th></tr>
      ${tests.map((x) => testRow(x, t, lang)).join('')}</table>`;
  });
  const html = `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>
    <h1>${esc(title)}</h1>
    <p class="meta">${esc(t('report.generated'))}: ${esc(when(data.generatedAt, lang))} · Doorman</p>
    <table class="summary"><tr><th>${esc(t('report.summary.backends'))}</th><th>${esc(t('report.summary.tests'))}</th><th>${esc(t('report.verdicts.pass'))}</th><th>${esc(t('report.verdicts.fail'))}</th><th>${esc(t('report.verdicts.timeout'))}</th><th>${esc(t('report.summary.other'))}</th></tr>
    <tr><td>${data.backends.length}</td><td>${all.length}</td><td class="pass">${count('pass')}</td><td class="fail">${count('fail')}</td><td class="timeout">${count('timeout')}</td><td>${all.length - count('pass') - count('fail') - count('timeout')}</td></tr></table>
    ${sections.join('\n')}
    ${data.backends.length === 0 ? `<p>${esc(t('report.empty'))}</p>` : ''}
  </body></html>`;
  return { html, title };
}
