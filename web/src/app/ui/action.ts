import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.ts';

const pathOf = (name: string) => name.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Shows an API error: field messages go onto the form's fields, the message into a toast.
 * Field errors the form has no field for are added to the toast, so none is lost: their
 * label (or their message alone), never the field's code name.
 */
export function useApiErrorHandler() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      if (!(error instanceof ApiError)) {
        message.error(error instanceof Error ? error.message : String(error));
        return;
      }
      let text = error.message;
      if (error.fields) {
        const registered = new Set(form ? Object.keys(form.getFieldsValue() ?? {}) : []);
        const unmatched: string[] = [];
        const onForm = Object.entries(error.fields).filter(([name, msg]) => {
          const ok = registered.has(name.split('.')[0]!);
          // A field the form does not show is named by its label when there is one, never its code.
          const label = t(`fields.${name.split('.')[0]}`, { defaultValue: '' });
          if (!ok) unmatched.push(label ? `${label}：${msg}` : msg);
          return ok;
        });
        form?.setFields(onForm.map(([name, msg]) => ({ name: pathOf(name), errors: [msg] })));
        if (unmatched.length) text = `${text} — ${unmatched.join(t('errors.listSeparator'))}`;
      }
      message.error(text);
    },
    [message, t],
  );
}

export interface ActionOptions<R> {
  /** Toast on success. */
  success?: string | ((result: R) => string);
  /** Queries to refetch after success. */
  invalidate?: QueryKey[];
  /** Form whose fields receive the server's field messages. */
  form?: FormInstance;
  onSuccess?: (result: R) => void;
  /** Handle some errors yourself; return true when handled. */
  onError?: (error: unknown) => boolean | undefined;
}

/** One mutation with the house behaviour: refetch, toast on success, errors shown on the form. */
export function useAction<A, R>(fn: (arg: A) => Promise<R>, opts: ActionOptions<R> = {}) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const showError = useApiErrorHandler();
  const mutation = useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await Promise.all((opts.invalidate ?? []).map((queryKey) => qc.invalidateQueries({ queryKey })));
      const text = typeof opts.success === 'function' ? opts.success(result) : opts.success;
      if (text) message.success(text);
      opts.onSuccess?.(result);
    },
    onError: (error) => {
      if (opts.onError?.(error)) return;
      showError(error, opts.form);
    },
  });
  /** For Popconfirm and modal.confirm: a promise that settles when done and never rejects (the error is shown). */
  const run = (arg: A) =>
    mutation.mutateAsync(arg).then(
      () => undefined,
      () => undefined,
    );
  return { ...mutation, run };
}
