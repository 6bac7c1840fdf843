/**
 * The callback URL step's slot (K30 sends pass records to a third-party URL): its form comes with
 * the receiver. Until then the step says so in its help and is skipped.
 */
export function CallbackStep() {
  return null;
}
