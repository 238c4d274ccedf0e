import { AppError } from '@/lib/errors';

/** The AppError `fn` throws; fails the test if it throws nothing, rethrows anything else. */
export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** The AppError an async `fn` rejects with; fails the test if it resolves, rethrows anything else. */
export async function asyncErrorOf(fn: () => Promise<unknown>): Promise<AppError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}
