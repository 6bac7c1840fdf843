import { backendsStore } from '../stores/backends.ts';
import { doorTestRunsStore } from '../stores/door-test-runs.ts';
import { doorTestSetupStore } from '../stores/door-test-setup.ts';
import { inventoryStore } from '../stores/inventory.ts';
import { peopleStore } from '../stores/people.ts';

/**
 * Every store that shows something the core can change follows the core's events for as long as
 * the window is open, not only while its page is: what a user just changed (a wizard's new door,
 * an added backend, an enrolled person, a finished door test) shows everywhere at once (issue 12
 * item 8). Returns the unsubscribe.
 */
export function followCoreChanges(): () => void {
  const stops = [backendsStore, inventoryStore, doorTestSetupStore, doorTestRunsStore, peopleStore].map((store) => store.getState().watch());
  return () => {
    for (const stop of stops) stop();
  };
}
