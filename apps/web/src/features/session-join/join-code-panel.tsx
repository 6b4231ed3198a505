import { joinPath } from '@concerto/domain';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, StatusMessage } from '../../ui/alert';
import { Button } from '../../ui/button';
import { errorMessage } from '../../ui/form-feedback';
import { useChangeJoinCode, useJoinCode } from './session-join-api';
import './session-join.css';

/** The QR code of a link as SVG markup (the `qrcode` library, loaded with the panel). */
function useQrSvg(url: string | null): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return setSvg(null);
    let active = true;
    void import('qrcode')
      .then((qr) => qr.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }))
      .then((markup) => active && setSvg(markup))
      .catch(() => active && setSvg(null));
    return () => {
      active = false;
    };
  }, [url]);
  return svg;
}

/**
 * The session's join code, big, with its link and QR code; for the animateur, the buttons to open, change or close
 * it. The projection view reuses it (`controls={false}`).
 */
export function JoinCodePanel({ sessionId, controls = true }: { sessionId: string; controls?: boolean }) {
  const { t } = useTranslation();
  const joinCode = useJoinCode(sessionId);
  const change = useChangeJoinCode(sessionId);
  const [message, setMessage] = useState<string | null>(null);
  const code = joinCode.data?.code ?? null;
  const url = code ? `${window.location.origin}${joinPath(code)}` : null;
  const svg = useQrSvg(url);

  return (
    <section className="section join-code-panel" aria-labelledby="join-code-heading">
      <h2 id="join-code-heading">{t('join.panel.heading')}</h2>
      {code && url ? (
        <div className="join-code-panel__body">
          <div>
            <p className="muted">{t('join.panel.intro')}</p>
            <p className="join-code-panel__code">
              <span className="join-code-panel__label">{t('join.panel.code')}</span>{' '}
              <strong data-testid="join-code" aria-label={code.split('').join(' ')}>
                {code}
              </strong>
            </p>
            <p>
              <span className="join-code-panel__label">{t('join.panel.link')}</span> <a href={url}>{url}</a>
            </p>
          </div>
          {svg ? <div className="join-code-panel__qr" role="img" aria-label={t('join.panel.qr', { code })} dangerouslySetInnerHTML={{ __html: svg }} /> : null}
        </div>
      ) : joinCode.isSuccess ? (
        <p className="muted">{t('join.panel.none')}</p>
      ) : null}
      {controls ? (
        <p className="join-code-panel__actions">
          <Button
            variant={code ? 'secondary' : 'primary'}
            busy={change.isPending && change.variables === 'rotate'}
            onClick={() => change.mutate('rotate', { onSuccess: (view) => setMessage(code ? t('join.panel.rotated', { code: view.code }) : null) })}
          >
            {code ? t('join.panel.rotate') : t('join.panel.open')}
          </Button>
          {code ? (
            <Button
              variant="secondary"
              busy={change.isPending && change.variables === 'close'}
              onClick={() => change.mutate('close', { onSuccess: () => setMessage(t('join.panel.closedNow')) })}
            >
              {t('join.panel.close')}
            </Button>
          ) : null}
        </p>
      ) : null}
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert>{change.isError ? errorMessage(t, change.error) : joinCode.isError ? errorMessage(t, joinCode.error) : null}</ErrorAlert>
    </section>
  );
}
