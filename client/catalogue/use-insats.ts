import { useEffect, useState } from 'preact/hooks';
import type { Insats } from '../../common/wire/index.ts';
import { insatser, loadInsats } from './index.ts';

export type InsatsState =
  | { status: 'loading' }
  | { status: 'ok'; insats: Insats }
  | { status: 'missing' | 'error' };

/** One insats by id, for a view. `error` = could not load (offline, never cached); `missing` = no such insats. */
export function useInsats(id: string | undefined): [InsatsState, () => void] {
  const [state, setState] = useState<InsatsState>(() => {
    const cached = id ? insatser.value.data?.find((i) => i.id === id) : undefined;
    return cached ? { status: 'ok', insats: cached } : { status: 'loading' };
  });
  const [attempt, setAttempt] = useState(0);
  // `attempt` re-runs the load on "try again".
  useEffect(() => {
    if (!id) {
      setState({ status: 'missing' });
      return;
    }
    let live = true;
    void loadInsats(id).then((insats) => {
      if (!live) return;
      if (insats) setState({ status: 'ok', insats });
      else setState({ status: insatser.value.error ? 'error' : 'missing' });
    });
    return () => {
      live = false;
    };
  }, [id, attempt]);
  return [state, () => setAttempt((n) => n + 1)];
}
