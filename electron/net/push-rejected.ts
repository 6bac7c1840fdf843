/**
 * A pushed payload the vendor's parser refuses: the receiver answers with this HTTP status and logs
 * it. Thrown by the drivers' push parsers, caught by the push receiver.
 */
export class PushRejected extends Error {
  readonly status: number;
  constructor(status: number, reason: string) {
    super(reason);
    this.name = 'PushRejected';
    this.status = status;
  }
}
