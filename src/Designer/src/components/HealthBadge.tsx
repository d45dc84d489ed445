import { useEffect, useState } from 'react';
import { checkHealth, healthLabel, type HealthState } from '../api/health';

const refreshMilliseconds = 30_000;

/** A small status light for the Api, refreshed while the designer is open. */
export function HealthBadge() {
  const [state, setState] = useState<HealthState>('checking');

  useEffect(() => {
    const controller = new AbortController();
    const probe = () => {
      void checkHealth({ signal: controller.signal }).then((result) => {
        if (result !== 'aborted') {
          setState(result);
        }
      });
    };
    probe();
    const timer = window.setInterval(probe, refreshMilliseconds);
    return () => {
      window.clearInterval(timer);
      controller.abort();
    };
  }, []);

  return (
    <span className={`health health--${state}`} role="status" aria-live="polite">
      <span className="health__dot" aria-hidden="true" />
      {healthLabel(state)}
    </span>
  );
}
