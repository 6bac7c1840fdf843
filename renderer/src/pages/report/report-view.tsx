import { useEffect, useRef } from 'react';
import { reportParts } from './report-document.ts';

/**
 * The report, rendered in an open shadow root of this element (see report-document.ts for why not
 * an iframe). While it is on screen its `@page` rules apply to printing, and are removed with it.
 */
export function ReportView({ html, label }: { readonly html: string; readonly label: string }) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const parts = reportParts(html);
    shadow.adoptedStyleSheets = [parts.sheet];
    shadow.replaceChildren(parts.body);

    const pageSheet = new CSSStyleSheet();
    pageSheet.replaceSync(parts.pageCss);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== pageSheet);
    };
  }, [html]);

  return <div ref={hostRef} className="report-view" role="document" aria-label={label} data-testid="report-frame" />;
}
