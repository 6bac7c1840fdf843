import { DriverError } from '../../electron/drivers/driver-error.ts';

/** The DriverError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function driverFailure(promise: Promise<unknown>): Promise<DriverError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DriverError) return error;
    throw error;
  }
  throw new Error('expected a DriverError');
}
