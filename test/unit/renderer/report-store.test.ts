import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/contract/wire.ts';
import { ApiClient } from '../../../renderer/src/api/client.ts';
import { createReportStore } from '../../../renderer/src/stores/report.ts';
import { ScriptedCore } from './support/scripted-core.ts';

describe('report store', () => {
  it('asks for the site in the UI language and keeps the latest answer', async () => {
    const core = new ScriptedCore();
    const held: ((reply: Reply) => void)[] = [];
    core.on('reports.siteHtml', () => new Promise<Reply>((resolve) => held.push(resolve)));
    const store = createReportStore(new ApiClient(core));
    const english = store.getState().load(1, 'en');
    const chinese = store.getState().load(1, 'zh-CN');
    held[1]?.({ ok: true, output: { html: '<p>中文</p>', title: '报告' } });
    await chinese;
    held[0]?.({ ok: true, output: { html: '<p>English</p>', title: 'Report' } });
    await english;
    expect(core.callsOf('reports.siteHtml')).toEqual([{ siteId: 1, lang: 'en' }, { siteId: 1, lang: 'zh-CN' }]);
    expect(store.getState()).toMatchObject({ html: '<p>中文</p>', lang: 'zh-CN', loading: false, error: null });
  });

  it('keeps the error and clears another site’s report', async () => {
    const core = new ScriptedCore().answer('reports.siteHtml', { html: '<p>1</p>', title: 'x' });
    const store = createReportStore(new ApiClient(core));
    await store.getState().load(1, 'en');
    core.on('reports.siteHtml', () => ({ ok: false, error: { code: 'site_not_found', message: 'gone' } }));
    await store.getState().load(2, 'en');
    expect(store.getState()).toMatchObject({ siteId: 2, html: null, error: { code: 'site_not_found' } });
  });
});
