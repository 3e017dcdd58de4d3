import { Form } from 'antd';
import { RedLineHint } from './RedLineHint';

/**
 * The red-line check under one field of an antd form whose text an owner will read (a canned reply, a notice, a
 * call script, an action's note): findings while typing and the warm rewrite put back into the field (issue 17).
 */
export function FieldRedLineHint({ name }: { name: string }) {
  const form = Form.useFormInstance();
  const value = (Form.useWatch(name, form) as string | undefined) ?? '';
  if (!value.trim()) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <RedLineHint text={value} enabled onTakeRewrite={(rewrite) => form.setFieldValue(name, rewrite)} />
    </div>
  );
}
