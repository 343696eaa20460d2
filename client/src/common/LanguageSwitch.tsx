import { For } from 'solid-js';
import { LOCALES } from '../../../shared/methodology/types.ts';
import { locale, setLocale } from './locale.ts';
import { t } from './respondentText.ts';

export function LanguageSwitch() {
  return (
    <div class="lang-switch" role="group" aria-label={t('lang.label')}>
      <For each={LOCALES}>
        {(code) => (
          <button type="button" lang={code} aria-pressed={locale() === code} onClick={() => setLocale(code)}>
            {t(`lang.${code}`)}
          </button>
        )}
      </For>
    </div>
  );
}
