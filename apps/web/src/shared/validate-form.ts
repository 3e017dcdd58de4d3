import type { FormInstance } from 'antd';

/**
 * The form's values, or null when a rule failed. antd rejects the promise on invalid input and
 * already shows the messages under the fields, so the rejection carries nothing left to report.
 */
export async function validValues<Values>(form: FormInstance<Values>, fields?: (keyof Values & string)[]): Promise<Values | null> {
  try {
    return fields ? ((await form.validateFields(fields)) as Values) : await form.validateFields();
  } catch {
    return null;
  }
}
