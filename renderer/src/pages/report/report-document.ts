import { REPORT_BODY_CLASS, scopeSelector } from './report-scope.ts';

/**
 * Why the report is not shown in a `<iframe sandbox srcdoc>`: a srcdoc frame inherits the page's
 * Content-Security-Policy, and ours (`style-src 'self'`) blocks the report's inline `<style>` there
 * (checked in Chromium: "Applying inline style violates … style-src 'self'"), so the report would
 * show unstyled. Without allow-same-origin the page cannot print the frame either.
 *
 * Instead the report is parsed (DOMParser runs no scripts and loads nothing), cleaned of anything
 * active, and put into an open shadow root of the page. Its CSS becomes a constructed stylesheet
 * (`CSSStyleSheet.replaceSync` is CSSOM, which style-src does not govern), adopted by that shadow
 * root only, so the report's styles and the app's never mix. The same element is what the print
 * stylesheet keeps when the app shell is hidden, so Print (and Playwright's page.pdf) renders it.
 * The `<style>` elements are taken out of the text before DOMParser sees it: a parsed `<style>`
 * would be refused by the page's policy, and Chromium logs that refusal in the console as an error
 * (issue 12 item 17: the console stays clean).
 */
interface ReportParts {
  /** The report's styles, selectors rewritten for the shadow root. */
  readonly sheet: CSSStyleSheet;
  /** Its `@page` rules: they only work at document level (a shadow root's are ignored). */
  readonly pageCss: string;
  /** The report's body, as the element standing in for `<body>`. */
  readonly body: HTMLElement;
}

/** Elements that load, run or navigate (and the styles, already taken): none belongs in the view. */
const ACTIVE = 'script, iframe, frame, frameset, object, embed, link, meta, base, form, template, noscript, style';
/** Where a `style` attribute waits while the node is imported (as an attribute, CSP would drop it). */
const PENDING_STYLE = 'data-report-style';

function clean(root: Element): void {
  for (const element of root.querySelectorAll(ACTIVE)) element.remove();
  for (const element of [root, ...root.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value.trim().toLowerCase();
      if (name.startsWith('on') || ((name === 'href' || name === 'src' || name === 'xlink:href') && value.startsWith('javascript:'))) {
        element.removeAttribute(attribute.name);
      } else if (name === 'style') {
        element.setAttribute(PENDING_STYLE, attribute.value);
        element.removeAttribute(attribute.name);
      }
    }
  }
}

function rewriteRules(rules: CSSRuleList): void {
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) rule.selectorText = scopeSelector(rule.selectorText);
    if ('cssRules' in rule && rule.cssRules instanceof CSSRuleList) rewriteRules(rule.cssRules);
  }
}

/** The report's own `<style>` elements (report-html.ts writes them plainly): their CSS, and the HTML without them. */
function takeStyles(html: string): { css: string; rest: string } {
  const styles: string[] = [];
  const rest = html.replace(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi, (_element, css: string) => {
    styles.push(css);
    return '';
  });
  return { css: styles.join('\n'), rest };
}

export function reportParts(html: string, ownerDocument: Document = document): ReportParts {
  const { css, rest } = takeStyles(html);
  const parsed = new DOMParser().parseFromString(rest, 'text/html');
  clean(parsed.documentElement);

  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  let pageCss = '';
  for (const rule of sheet.cssRules) if (rule instanceof CSSPageRule) pageCss += `${rule.cssText}\n`;
  rewriteRules(sheet.cssRules);

  const body = ownerDocument.createElement('div');
  body.className = `${REPORT_BODY_CLASS} ${parsed.body.className}`.trim();
  const lang = parsed.documentElement.getAttribute('lang');
  if (lang) body.lang = lang;
  for (const node of [...parsed.body.childNodes]) body.append(ownerDocument.importNode(node, true));
  // Inline style attributes are refused by style-src 'self'; the same declarations set through
  // CSSOM (element.style) are not.
  for (const element of body.querySelectorAll<HTMLElement>(`[${PENDING_STYLE}]`)) {
    element.style.cssText = element.getAttribute(PENDING_STYLE) ?? '';
    element.removeAttribute(PENDING_STYLE);
  }
  return { sheet, pageCss, body };
}
