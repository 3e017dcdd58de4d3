import { journeyStages, staffPosts } from '@manyi/core';
import { Button, Checkbox, Descriptions, Drawer, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Touchpoint, TouchpointLive } from '../../api/journeys';
import { useVocabulary } from '../../i18n/vocabulary';

type Props = {
  touchpoint: Touchpoint | null;
  live: TouchpointLive | undefined;
  editable: boolean;
  saving: boolean;
  onClose: () => void;
  onSave: (touchpoint: Touchpoint) => void;
  onRemove: (id: string) => void;
};

const list = (values: string[]) => values.join('，');
const split = (text: string | undefined) =>
  (text ?? '')
    .split(/[,，\s]+/u)
    .map((item) => item.trim())
    .filter(Boolean);

type FormValues = Omit<Touchpoint, 'indicatorCodes' | 'categoryCodes'> & { indicatorCodes: string; categoryCodes: string };

/** One touchpoint: its standard and what the records say; in a draft, its form. */
export function TouchpointDrawer({ touchpoint, live, editable, saving, onClose, onSave, onRemove }: Props) {
  const { t } = useTranslation();
  const { label, options } = useVocabulary();
  const [form] = Form.useForm<FormValues>();
  useEffect(() => {
    if (touchpoint) form.setFieldsValue({ ...touchpoint, indicatorCodes: list(touchpoint.indicatorCodes), categoryCodes: list(touchpoint.categoryCodes) });
  }, [form, touchpoint]);
  if (!touchpoint) return null;
  const save = (values: FormValues) =>
    onSave({ ...touchpoint, ...values, indicatorCodes: split(values.indicatorCodes), categoryCodes: split(values.categoryCodes) });
  return (
    <Drawer
      open
      size={520}
      title={touchpoint.name || t('journey.addTouchpoint')}
      onClose={onClose}
      extra={
        editable ? (
          <Space>
            <Button danger onClick={() => onRemove(touchpoint.id)}>
              {t('journey.remove')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="touchpoint-save">
              {t('common.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {editable ? (
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item name="name" label={t('journey.touchpointName')} rules={[{ required: true, whitespace: true, max: 60 }]}>
            <Input data-testid="touchpoint-name" />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item name="stage" label={t('journey.stage')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select options={options(journeyStages)} />
            </Form.Item>
            <Form.Item name="post" label={t('journey.post')} rules={[{ required: true }]} style={{ flex: 1 }}>
              <Select options={options(staffPosts)} data-testid="touchpoint-post" />
            </Form.Item>
          </Flex>
          <Form.Item name="standard" label={t('journey.standard')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} data-testid="touchpoint-standard" />
          </Form.Item>
          <Form.Item name="delight" label={t('journey.delight')} rules={[{ max: 300 }]}>
            <Input.TextArea autoSize={{ minRows: 1 }} />
          </Form.Item>
          <Form.Item name="indicatorCodes" label={t('journey.indicators')}>
            <Input placeholder="engineering.timeliness" />
          </Form.Item>
          <Form.Item name="categoryCodes" label={t('journey.categories')}>
            <Input placeholder="engineering.leak, engineering.drain" />
          </Form.Item>
          <Space>
            <Form.Item name="peak" valuePropName="checked" noStyle>
              <Checkbox data-testid="touchpoint-peak">{t('journey.peak')}</Checkbox>
            </Form.Item>
            <Form.Item name="end" valuePropName="checked" noStyle>
              <Checkbox data-testid="touchpoint-end">{t('journey.end')}</Checkbox>
            </Form.Item>
          </Space>
        </Form>
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('journey.stage')}>{label(journeyStages, touchpoint.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('journey.post')}>{label(staffPosts, touchpoint.post)}</Descriptions.Item>
          <Descriptions.Item label={t('journey.standard')}>{touchpoint.standard}</Descriptions.Item>
          {touchpoint.delight ? <Descriptions.Item label={t('journey.delight')}>{touchpoint.delight}</Descriptions.Item> : null}
          <Descriptions.Item label={t('journey.indicators')}>{list(touchpoint.indicatorCodes) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('journey.categories')}>{list(touchpoint.categoryCodes) || '—'}</Descriptions.Item>
        </Descriptions>
      )}
      {live && (live.peakMoments.length > 0 || live.endMoments.length > 0) ? (
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('journey.peakMoments')}</Typography.Text>
          <Flex wrap gap={6}>
            {live.peakMoments.map((moment, index) => (
              <Tag key={index} color="gold">
                {moment}
              </Tag>
            ))}
          </Flex>
          <Typography.Text strong>{t('journey.endMoments')}</Typography.Text>
          <Flex wrap gap={6}>
            {live.endMoments.map((moment, index) => (
              <Tag key={index} color="cyan">
                {moment}
              </Tag>
            ))}
          </Flex>
        </Flex>
      ) : null}
    </Drawer>
  );
}
