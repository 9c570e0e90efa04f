import { useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/index.ts';
import { setPoint } from '../../state/device.ts';

type Step = 'idle' | 'consent' | 'locating' | 'denied' | 'unsupported';

/**
 * "Use my position": first a plain-language consent (what is used; the exact point is not kept),
 * then the browser's geolocation. Not shown to children under 13 (the API refuses their points).
 */
export function PositionChooser({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<Step>('idle');
  const consentHeading = useRef<HTMLHeadingElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setStep('unsupported');
      return;
    }
    setStep('locating');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        const round = (n: number) => Math.round(n * 1e6) / 1e6;
        setPoint({ lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) });
        setStep('idle');
        onDone();
      },
      () => setStep('denied'),
      { enableHighAccuracy: false, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  if (step === 'consent') {
    return (
      <section class="consent" aria-labelledby="position-consent-title">
        <h2 id="position-consent-title" ref={consentHeading} tabIndex={-1}>
          {t('position.consentTitle')}
        </h2>
        <p>{t('position.consentText1')}</p>
        <p>{t('position.consentText2')}</p>
        <div class="actions">
          <button type="button" class="btn btn-primary" onClick={locate}>
            {t('position.allow')}
          </button>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() => {
              setStep('idle');
              requestAnimationFrame(() => startButton.current?.focus());
            }}
          >
            {t('position.cancel')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <div class="position">
      <button
        ref={startButton}
        type="button"
        class="btn btn-secondary btn-position"
        onClick={() => {
          setStep('consent');
          requestAnimationFrame(() => consentHeading.current?.focus());
        }}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="icon">
          <circle cx="12" cy="12" r="4" />
          <path d="M12 2v4M12 18v4M2 12h4M18 12h4" />
        </svg>
        {t('position.button')}
      </button>
      <p role="status" class="hint">
        {step === 'locating'
          ? t('position.locating')
          : step === 'denied'
            ? t('position.denied')
            : step === 'unsupported'
              ? t('position.unsupported')
              : ''}
      </p>
    </div>
  );
}
