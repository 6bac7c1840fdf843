import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../shared/contract/index.ts';
import type { SiteId } from '../../../shared/contract/sites.ts';
import { api } from '../api/client.ts';

type IdNumberOwner = NonNullable<MethodOutput<'people.idNumberOwner'>['owner']>;

/** How long typing pauses before the site's people are asked. */
const ASK_AFTER_MS = 250;

/**
 * Who on the site already has this ID number (issue 12 item 3), as the core answers, asked once the
 * number is valid and typing pauses; null while there is no one (or no valid number). `exceptPin`
 * is the person being edited. The core refuses the save anyway (id_number_taken); this says it at
 * the field, before Save.
 */
export function useIdNumberOwner(siteId: SiteId | null, idNumber: string | undefined, exceptPin?: string): IdNumberOwner | null {
  const [answer, setAnswer] = useState<{ key: string; owner: IdNumberOwner | null } | null>(null);
  const key = siteId === null || idNumber === undefined ? null : `${siteId}|${idNumber}|${exceptPin ?? ''}`;
  useEffect(() => {
    if (siteId === null || idNumber === undefined || key === null) return;
    let stale = false;
    const timer = setTimeout(() => {
      api
        .call('people.idNumberOwner', { siteId, idNumber, ...(exceptPin !== undefined ? { exceptPin } : {}) })
        .then(({ owner }) => {
          if (!stale) setAnswer({ key, owner });
        })
        // Unanswered (connection lost): the save's own check still refuses a taken number.
        .catch(() => undefined);
    }, ASK_AFTER_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [siteId, idNumber, exceptPin, key]);
  return answer !== null && answer.key === key ? answer.owner : null;
}
