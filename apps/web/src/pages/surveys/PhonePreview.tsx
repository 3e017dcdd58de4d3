import type { SurveyDefinition } from '@manyi/core';
import { useCallback, useEffect, useRef } from 'react';

type Props = { definition: SurveyDefinition; locale: 'zh-CN' | 'en-US' };

/**
 * The owner's answering page in preview mode, at phone width: the designer sends it the unsaved
 * definition on every change and whenever the page announces it is ready (it may load after the
 * first change, or reload). The page itself belongs to the answering module; this only feeds it.
 */
export function PhonePreview({ definition, locale }: Props) {
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useRef({ definition, locale });
  useEffect(() => {
    latest.current = { definition, locale };
  });

  const send = useCallback(() => frame.current?.contentWindow?.postMessage({ type: 'manyi-survey-preview', ...latest.current }, window.location.origin), []);

  useEffect(() => send(), [definition, locale, send]);
  useEffect(() => {
    const onMessage = (event: MessageEvent<unknown>) => {
      const data = event.data as { type?: unknown } | null;
      if (event.origin === window.location.origin && event.source === frame.current?.contentWindow && data?.type === 'manyi-survey-preview-ready') send();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [send]);

  return (
    <div style={{ display: 'flex', justifyContent: 'center', overflowX: 'auto' }}>
      <iframe
        ref={frame}
        src="/s/preview"
        title="preview"
        data-testid="survey-preview"
        style={{ width: 375, height: 667, flex: 'none', border: '1px solid var(--ant-color-border, #d9d9d9)', borderRadius: 16, display: 'block' }}
      />
    </div>
  );
}
