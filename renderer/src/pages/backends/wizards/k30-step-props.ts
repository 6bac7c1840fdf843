import type { BackendId } from '../../../../../shared/contract/backends.ts';
import type { StepOutcome } from '../../../stores/wizard.ts';
import type { K30Context } from './k30-steps.ts';
import type { StepsApi } from './steps-api.ts';

/** What each K30 step form is given by the wizard (its own file: the wizard imports the forms). */
export interface K30StepProps {
  /** The backend being set up (the callback step starts its receiver, which is not a commissioning call). */
  readonly backendId: BackendId;
  readonly steps: StepsApi;
  readonly context: K30Context;
  /** Run this step's action (the frame shows the result, the refusal and the undo). */
  readonly run: (action: () => Promise<StepOutcome<K30Context>>) => void;
  readonly busy: boolean;
  /** Done or skipped. */
  readonly settled: boolean;
}
