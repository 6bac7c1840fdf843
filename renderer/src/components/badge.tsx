import type { ReactNode } from 'react';
import type { Tone } from './tones.ts';

/**
 * The app's one badge: its tone (what it means) sets colour and icon, the text says it in words.
 * Colours and icons live in styles.css under `.badge-<tone>` (the icon is CSS content, so a badge's
 * text stays just its words); page styles never colour a badge themselves.
 */
export function Badge({ tone, children, testId }: { readonly tone: Tone; readonly children: ReactNode; readonly testId?: string | undefined }) {
  return (
    <span className={`badge badge-${tone}`} data-tone={tone} data-testid={testId}>
      {children}
    </span>
  );
}
