import { useI18n } from '../i18n/I18nContext';

/** A button that switches between zh-CN and English. */
export function LanguageSwitch({ className = 'btn btn-ghost' }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <button
      type="button"
      className={className}
      data-testid="language-switch"
      // The visible word is the button's name (what a speech-input user says); the hint is a description.
      title={t('lang.switchLabel')}
      lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
      onClick={() => setLocale(locale === 'zh-CN' ? 'en' : 'zh-CN')}
    >
      {t('lang.switch')}
    </button>
  );
}
