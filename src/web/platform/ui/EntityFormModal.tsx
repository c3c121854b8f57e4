import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, type FormInstance, type FormProps, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from './serverErrors.ts';

/**
 * A modal create/edit form: saves with `submit`, shows the server's validation errors next to
 * `fields` (and the rest above the form), then refreshes `invalidates`, confirms and closes.
 * Pass `form` only when the fields need it (e.g. `Form.useWatch`).
 */
export function EntityFormModal<V extends object>({
  title,
  form: givenForm,
  initialValues,
  fields,
  submit,
  invalidates,
  successMessage,
  onClose,
  children,
}: {
  title: string;
  form?: FormInstance<V>;
  initialValues: FormProps<V>['initialValues'];
  fields: readonly string[];
  submit: (values: V) => Promise<unknown>;
  invalidates: QueryKey;
  successMessage: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>(givenForm);
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: submit,
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invalidates });
      void message.success(successMessage);
      onClose();
    },
    onError: (error) => setFormError(applyServerErrors(form, error, fields)),
  });

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      closable={{ 'aria-label': t('common.close') }}
    >
      {formError ? (
        <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
      >
        {children}
      </Form>
    </Modal>
  );
}

/** The page header's button that opens the create form. */
export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={onClick}>
      {children}
    </Button>
  );
}

/** A row's button that opens its edit form; `label` names the row for screen readers. */
export function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={label} onClick={onClick}>
      {t('common.edit')}
    </Button>
  );
}
