import { useCallback, useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../../../shared/contract/errors.ts';
import { errorBody } from '../../../stores/api-error.ts';

export interface Loaded<T> {
  readonly data: T | null;
  readonly loading: boolean;
  readonly error: ApiErrorBody | null;
  reload(): void;
}

/** A list a step offers to choose from, read when the step opens and on "Reload". */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(errorBody(failure));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; reading again is what `serial` asks for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serial]);

  const reload = useCallback(() => {
    setLoading(true);
    setSerial((n) => n + 1);
  }, []);
  return { data, loading, error, reload };
}
