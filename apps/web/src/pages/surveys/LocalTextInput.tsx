import type { LocalText } from '@manyi/core';
import { Input, Space } from 'antd';

type Props = { value: LocalText; onChange: (value: LocalText) => void; testId?: string; multiline?: boolean; status?: 'error' };

/** Chinese (required, shown first) and English (optional, falls back to Chinese on the owner's page) side by side. */
export function LocalTextInput({ value, onChange, testId, multiline, status }: Props) {
  const Field = multiline ? Input.TextArea : Input;
  return (
    <Space.Compact block>
      <Field
        addonBefore={multiline ? undefined : '中'}
        placeholder="中文"
        value={value['zh-CN']}
        status={status}
        onChange={(event) => onChange({ ...value, 'zh-CN': event.target.value })}
        data-testid={testId ? `${testId}-zh` : undefined}
      />
      <Field
        addonBefore={multiline ? undefined : 'EN'}
        placeholder="English"
        value={value['en-US'] ?? ''}
        onChange={(event) => onChange({ ...value, 'en-US': event.target.value })}
        data-testid={testId ? `${testId}-en` : undefined}
      />
    </Space.Compact>
  );
}
