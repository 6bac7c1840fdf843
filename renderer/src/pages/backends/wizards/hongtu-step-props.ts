import type { StepOutcome } from '../../../stores/wizard.ts';
import type { StepsApi } from './steps-api.ts';
import type { HongtuContext } from './hongtu-steps.ts';

/** What each Hongtu step form is given by the wizard (its own file: the wizard imports the forms). */
export interface HongtuStepProps {
  readonly steps: StepsApi;
  readonly context: HongtuContext;
  /** Run this step's action (the frame shows the result, the refusal and the undo). */
  readonly run: (action: () => Promise<StepOutcome<HongtuContext>>) => void;
  readonly busy: boolean;
  /** Done or skipped: the step's form is read-only. */
  readonly settled: boolean;
}
