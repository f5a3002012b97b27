import { Button, Drawer, Form, type FormInstance, type FormProps, Modal, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionOptions, useAction } from './action.ts';

export interface FormDialogProps<V, R> extends Omit<ActionOptions<R>, 'form'> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** Receives the validated form values; the dialog closes when it resolves. */
  submit: (values: V) => Promise<R>;
  /** Fields, or a function of the form for fields that depend on each other. */
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  /** A drawer (default) for records, a modal for short forms. */
  kind?: 'drawer' | 'modal';
  width?: number;
  okText?: string;
  /** Shown above the fields (a hint, a warning). */
  header?: ReactNode;
  /** Only to look at: fields disabled, no save button. */
  readOnly?: boolean;
  /** Called when a submit stops at the form's own validation (to sum up what is missing). */
  onFinishFailed?: FormProps<V>['onFinishFailed'];
}

/**
 * A form in a drawer or modal, fresh every time it opens; validation, saving, server field
 * errors and refetching are handled here so that pages only declare fields.
 */
export function FormDialog<V, R>(props: FormDialogProps<V, R>) {
  // a new form each time the dialog opens, so no value of the last record stays behind
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setSession((s) => s + 1);
  }
  return <FormDialogBody key={session} {...props} />;
}

function FormDialogBody<V, R>({
  title,
  open,
  onClose,
  initialValues,
  submit,
  children,
  kind = 'drawer',
  width,
  okText,
  header,
  readOnly = false,
  onFinishFailed,
  ...actionOptions
}: FormDialogProps<V, R>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const action = useAction(submit, {
    ...actionOptions,
    form,
    onSuccess: (r) => {
      actionOptions.onSuccess?.(r);
      onClose();
    },
  });
  const body = (
    <>
      {header}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => action.mutate(v)}
        onFinishFailed={onFinishFailed}
        requiredMark
        disabled={readOnly || action.isPending}
      >
        {typeof children === 'function' ? children(form) : children}
        {/* Enter in a field submits */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </>
  );
  const footer = (
    <Space>
      <Button onClick={onClose}>{readOnly ? t('common.close') : t('common.cancel')}</Button>
      {!readOnly && (
        <Button type="primary" loading={action.isPending} onClick={() => form.submit()}>
          {okText ?? t('common.save')}
        </Button>
      )}
    </Space>
  );
  if (kind === 'modal')
    return (
      <Modal
        title={title}
        open={open}
        onCancel={onClose}
        footer={footer}
        width={width ?? 520}
        mask={{ closable: false }}
      >
        {body}
      </Modal>
    );
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={width ?? 520}
      mask={{ closable: false }}
      footer={<div style={{ textAlign: 'right' }}>{footer}</div>}
    >
      {body}
    </Drawer>
  );
}
