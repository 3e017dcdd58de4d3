import { type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from './server-errors';
import { validValues } from './validate-form';
import { useMessage } from './MessageProvider';

type SaveFormOptions<Values, Result> = {
  /** Sends the validated values; a rejection is reported under the fields and in a toast. */
  save: (values: Values) => Promise<Result>;
  onSaved: (result: Result) => void;
  /** The toast after a successful save; "saved" unless the action says something more specific. */
  successMessage?: string;
};

/**
 * The submit handler every edit form shares: validate, save, say so, then hand over (usually to
 * close); a server rejection lands under the matching inputs so it reads like a form rule.
 */
export function useSaveForm<Values, Result>(form: FormInstance<Values>, { save, onSaved, successMessage }: SaveFormOptions<Values, Result>) {
  const { t } = useTranslation();
  const message = useMessage();
  return async () => {
    const values = await validValues(form);
    if (!values) return;
    try {
      const result = await save(values);
      void message.success(successMessage ?? t('common.saved'));
      onSaved(result);
    } catch (error) {
      showServerErrors(error, form, (text) => void message.error(text), t('common.requestFailed'));
    }
  };
}
