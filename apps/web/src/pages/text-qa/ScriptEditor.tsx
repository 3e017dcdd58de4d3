import { type DiscStyle } from '@manyi/core';
import { Button, Drawer, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../../api/problem';
import { useSaveScript, type ScriptScenario } from '../../api/text-qa';
import { useMessage } from '../../shared/MessageProvider';
import { RedLineHint } from './RedLineHint';

const discOrder: DiscStyle[] = ['peacock', 'owl', 'tiger', 'panda'];
type ScriptForm = {
  key: string;
  titleZh: string;
  titleEn: string;
  categoryCode: string;
  standard: string;
  disc: Record<DiscStyle, string>;
  cold: string;
};

/** One phrasing with the red-line check while it is typed, and the warm rewrite to take. */
function Phrasing({ name, label }: { name: 'standard' | ['disc', DiscStyle]; label: string }) {
  const form = Form.useFormInstance<ScriptForm>();
  const value = (Form.useWatch(name as never, form) as string | undefined) ?? '';
  return (
    <>
      <Form.Item name={name} label={label} rules={[{ required: true, max: 500 }]} style={{ marginBottom: 4 }}>
        <Input.TextArea autoSize={{ minRows: 2 }} data-testid={`scripts-field-${Array.isArray(name) ? name.join('-') : name}`} />
      </Form.Item>
      <div style={{ marginBottom: 16 }}>
        <RedLineHint text={value} enabled onTakeRewrite={(rewrite) => form.setFieldValue(name as never, rewrite)} />
      </div>
    </>
  );
}

/**
 * 本公司话术: add a scenario or edit one (a built-in scenario edited becomes the company's version). Every phrasing
 * is checked while typed, and the server refuses one that crosses a red line, marked on its field (issue 17 §2).
 */
export function ScriptEditor({ scenario, onClose }: { scenario: ScriptScenario | null; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useMessage();
  const save = useSaveScript();
  const [form] = Form.useForm<ScriptForm>();
  const initial: ScriptForm = {
    key: scenario?.key ?? '',
    titleZh: scenario?.title['zh-CN'] ?? '',
    titleEn: scenario?.title['en-US'] ?? '',
    categoryCode: scenario?.categoryCode ?? '',
    standard: scenario?.standard ?? '',
    disc: scenario?.disc ?? { peacock: '', owl: '', tiger: '', panda: '' },
    cold: scenario?.cold ?? '',
  };
  const submit = async (values: ScriptForm) => {
    try {
      await save.mutateAsync({
        key: values.key,
        body: {
          title: { 'zh-CN': values.titleZh, 'en-US': values.titleEn || values.titleZh },
          categoryCode: values.categoryCode.trim() || null,
          standard: values.standard,
          disc: values.disc,
          cold: values.cold ?? '',
        },
      });
      void message.success(t('scripts.editor.saved'));
      onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      if (fields.length === 0) return void message.error(errorMessage(error, t('common.requestFailed')));
      const byField = new Map<string, string[]>();
      for (const item of fields) byField.set(item.field, [...(byField.get(item.field) ?? []), item.message]);
      form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.') as never, errors })));
    }
  };
  return (
    <Drawer open width={600} title={scenario ? t('scripts.editor.edit') : t('scripts.editor.add')} onClose={onClose} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('scripts.editor.intro')}</Typography.Paragraph>
      <Form<ScriptForm> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)} data-testid="scripts-editor">
        <Space wrap>
          <Form.Item name="key" label={t('scripts.editor.key')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,63}$/ }]}>
            <Input disabled={scenario !== null} style={{ width: 220 }} data-testid="scripts-field-key" />
          </Form.Item>
          <Form.Item name="categoryCode" label={t('scripts.editor.category')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="titleZh" label={t('scripts.editor.titleZh')} rules={[{ required: true, max: 40 }]}>
            <Input style={{ width: 220 }} data-testid="scripts-field-title" />
          </Form.Item>
          <Form.Item name="titleEn" label={t('scripts.editor.titleEn')} rules={[{ max: 80 }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
        </Space>
        <Phrasing name="standard" label={t('scripts.standard')} />
        {discOrder.map((style) => (
          <Phrasing key={style} name={['disc', style]} label={t(`scripts.disc.${style}`)} />
        ))}
        <Form.Item name="cold" label={t('scripts.editor.cold')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 1 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="scripts-save">
          {t('common.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
