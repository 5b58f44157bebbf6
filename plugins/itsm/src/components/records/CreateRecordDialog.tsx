import { ReactNode, useCallback, useEffect, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ItsmApi, itsmApiRef } from '../../api';
import {
  EntityInput,
  FormDialog,
  FormSectionProps,
  useSubmit,
} from '../shared';
import { CreateDialogProps } from './descriptor';

/**
 * The dialog that creates a record of a kind: it starts from the kind's empty form each
 * time it opens (with the CI when given; `empty` must keep its identity while open),
 * with `prefill` over it,
 * checks the form with `validate` (an object of the fields' errors, empty when fine),
 * then creates the record and hands it over. The kind's fields are its `children`,
 * given the form as a section of fields (`idPrefix`, values, errors, `onChange`) and
 * how to show the CI (`entity`: fixed when given, asked for otherwise); they may also submit the form with some values set (`submit`: "Attach to this
 * problem" reports the incident with its problem).
 */
export const CreateRecordDialog = <V, E extends object, R>(
  props: CreateDialogProps<R> & {
    /** Used for the form's and the title's ids. */
    id: string;
    /** Prefix of the fields' ids. */
    idPrefix: string;
    title: string;
    submitLabel: string;
    /** The empty form, for the CI if one is fixed. */
    empty: (entityRef?: string) => V;
    /** What the form starts with besides (a fix's title, what a problem is opened from). */
    prefill?: Partial<V>;
    validate: (values: V) => E;
    create: (api: ItsmApi, values: V) => Promise<R>;
    children: (
      form: FormSectionProps<V, Partial<E>> & {
        entity: EntityInput;
        /** Submits the form with `patch` applied to what was entered. */
        submit: (patch: Partial<V>) => void;
        submitting: boolean;
      },
    ) => ReactNode;
  },
) => {
  const { open, onClose, onCreated, entityRef, empty } = props;
  const itsmApi = useApi(itsmApiRef);
  // Callers pass a new prefill each render: one start per prefill, by value.
  const prefillKey = JSON.stringify(props.prefill ?? {});
  const start = useCallback(
    (ref?: string): V => ({
      ...empty(ref),
      ...(JSON.parse(prefillKey) as Partial<V>),
    }),
    [empty, prefillKey],
  );
  const [values, setValues] = useState(() => start(entityRef));
  const [errors, setErrors] = useState<Partial<E>>({});
  const { submitting, error, setError, run } = useSubmit();

  // Start from a clean form each time the dialog opens.
  useEffect(() => {
    if (open) {
      setValues(start(entityRef));
      setErrors({});
      setError(undefined);
    }
  }, [open, entityRef, start, setError]);

  const submit = async (patch: Partial<V> = {}) => {
    const next = { ...values, ...patch };
    const found = props.validate(next);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const record = await run(() => props.create(itsmApi, next));
    if (record) onCreated(record);
  };

  return (
    <FormDialog
      open={open}
      id={props.id}
      title={props.title}
      submitLabel={props.submitLabel}
      submitting={submitting}
      error={error}
      maxWidth="md"
      onClose={onClose}
      onSubmit={() => submit()}
    >
      {props.children({
        idPrefix: props.idPrefix,
        values,
        errors,
        onChange: patch => setValues(v => ({ ...v, ...patch })),
        entity: entityRef ? 'fixed' : 'input',
        submit,
        submitting,
      })}
    </FormDialog>
  );
};
