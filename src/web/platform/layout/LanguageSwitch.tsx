import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, LANGUAGES, setLanguage } from '../i18n/index.ts';

/** Tiếng Việt / English; the choice is remembered in localStorage. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  return (
    <Select
      className={className}
      aria-label={t('lang.label')}
      value={value}
      onChange={(lang) => setLanguage(lang)}
      options={LANGUAGES.map((lng) => ({ value: lng, label: t(`lang.${lng}`), lang: lng }))}
      popupMatchSelectWidth={false}
      style={{ minWidth: 116 }}
    />
  );
}
