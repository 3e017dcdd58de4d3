import { useEffect, useState } from 'react';
import { claimPoster, fetchOwnerMe, fetchPoster } from './api';
import type { Preferences } from './storage';
import { Screen } from './Survey';
import { texts } from './texts';

/**
 * A building's QR poster (/s/poster/<token>): the owner signs in with the company's SMS sign-in
 * (the company comes from the poster) and comes back here; the server then hands out the answer
 * link of their household in that building and the page continues there.
 */
export function PosterPage({ token, preferences }: { token: string; preferences: Preferences }) {
  const t = texts[preferences.locale];
  const [state, setState] = useState<{ title: string; body?: string; tone?: 'info' | 'warning' | 'done' }>({ title: t.posterClaiming });

  useEffect(() => {
    let cancelled = false;
    const locale = preferences.locale;
    const run = async () => {
      const poster = await fetchPoster(token, locale);
      if (cancelled) return;
      if (!poster.ok) {
        setState(
          poster.network ? { title: t.networkTitle, body: t.networkBody, tone: 'warning' } : { title: poster.problem.title ?? t.unknownTitle, tone: 'warning' },
        );
        return;
      }
      const me = await fetchOwnerMe(locale);
      if (cancelled) return;
      if (!me.ok && !me.network) {
        setState({ title: t.posterSignIn });
        window.location.assign(`/h5/login?c=${encodeURIComponent(poster.value.tenantCode)}&next=${encodeURIComponent(window.location.pathname)}`);
        return;
      }
      const claimed = await claimPoster(token, locale);
      if (cancelled) return;
      if (claimed.ok) window.location.replace(`/s/${claimed.value.answerToken}`);
      else if (claimed.network) setState({ title: t.networkTitle, body: t.networkBody, tone: 'warning' });
      else if (claimed.problem.code === 'answer_completed') setState({ title: t.completedTitle, body: t.completedBody, tone: 'done' });
      else setState({ title: claimed.problem.title ?? t.unknownTitle, tone: 'warning' });
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [token, preferences.locale, t]);

  return <Screen title={state.title} {...(state.body && { body: state.body })} tone={state.tone ?? 'info'} testId="poster" />;
}
