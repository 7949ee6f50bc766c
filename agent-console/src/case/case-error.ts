/** Error sentences in the case area, where CONFLICT means "the form moved on", not "the name is taken". */
import { ErrorCode } from '@rvw/shared';
import { useI18n } from '../i18n/I18nContext';

/** A function from an error code to the sentence the case screens show. */
export function useCaseErr(): (code: string) => string {
  const { t, err } = useI18n();
  return (code) => (code === ErrorCode.Conflict ? t('case.conflict') : err(code));
}
