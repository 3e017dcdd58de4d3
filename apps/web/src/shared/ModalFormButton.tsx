import { Button, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';

type ModalFormButtonProps<Values> = {
  /** The button's text and the dialog's title. */
  label: ReactNode;
  /** Test id of the button, e.g. "action-create". */
  testId: string;
  /** The caller's form, so it can watch fields (Form.useWatch) while the dialog is open. */
  form: FormInstance<Values>;
  pending: boolean;
  initialValues?: Partial<Values>;
  /** Submits the values; `close` shuts the dialog, typically in the mutation's onSuccess so an error keeps the input. */
  onFinish: (values: Values, close: () => void) => void;
  children: ReactNode;
};

/** A primary button that opens a short form in a dialog: how a new record (action, meeting, inspection round) is started. */
export function ModalFormButton<Values>({ label, testId, form, pending, initialValues, onFinish, children }: ModalFormButtonProps<Values>) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </Button>
      <Modal open={open} title={label} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={pending} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => onFinish(values, () => setOpen(false))}>
          {children}
        </Form>
      </Modal>
    </>
  );
}
