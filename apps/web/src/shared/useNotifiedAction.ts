import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/problem';
import { useMessage } from './MessageProvider';

/**
 * Runs a one-click change (delete, deactivate) and reports the outcome in a toast; nothing else
 * on the page needs to know whether it failed, since the lists refresh themselves.
 */
export function useNotifiedAction() {
  const { t } = useTranslation();
  const message = useMessage();
  return async (action: () => Promise<unknown>, success: 'saved' | 'deleted') => {
    try {
      await action();
      void message.success(success === 'saved' ? t('common.saved') : t('common.deleted'));
    } catch (error) {
      void message.error(errorMessage(error, t('common.requestFailed')));
    }
  };
}
