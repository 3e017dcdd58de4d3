import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveForm } from '../../shared/useSaveForm';

type SettingsFormCardProps<Data, Values> = {
  title: string;
  intro: string;
  query: UseQueryResult<Data>;
  /** Stored settings → what the inputs show (e.g. a share of 1 shown as 100 %). */
  toForm: (data: Data) => Values;
  /** Validated inputs → the PUT; resolves to what the server stored. */
  save: (values: Values) => Promise<Data>;
  saving: boolean;
  successMessage: string;
  editable: boolean;
  /** A line under the inputs about the rule in force, from the stored settings. */
  summary?: (data: Data) => ReactNode;
  testId: string;
  children: ReactNode;
};

/**
 * One company-wide setting as a card: a skeleton while it loads, an error with retry, the inputs
 * (disabled for those who may not change them) and a save button that reports how it went.
 */
export function SettingsFormCard<Data, Values extends Record<string, unknown>>({
  title,
  intro,
  query,
  toForm,
  save,
  saving,
  successMessage,
  editable,
  summary,
  testId,
  children,
}: SettingsFormCardProps<Data, Values>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useSaveForm(form, {
    save,
    successMessage,
    // The server may have normalised what was sent; show what it stored.
    onSaved: (saved) => form.setFieldsValue(toForm(saved) as Parameters<typeof form.setFieldsValue>[0]),
  });

  let body: ReactNode;
  if (query.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('common.loadFailed')}
        description={query.error.message}
        action={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  } else if (query.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else {
    body = (
      <Form<Values> form={form} layout="vertical" disabled={!editable} initialValues={toForm(query.data)} onFinish={() => void submit()}>
        {children}
        {summary ? (
          <Typography.Paragraph type="secondary" data-testid={`${testId}-summary`}>
            {summary(query.data)}
          </Typography.Paragraph>
        ) : null}
        {editable ? (
          <Button type="primary" htmlType="submit" loading={saving} data-testid={`${testId}-save`}>
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    );
  }

  return (
    <Card title={title} data-testid={testId} style={{ height: '100%' }}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{intro}</Typography.Text>
        {body}
      </Flex>
    </Card>
  );
}
