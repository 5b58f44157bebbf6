import { ChangeEvent, FocusEvent } from 'react';
import TextField from '@material-ui/core/TextField';
import {
  ariaDescribedByIds,
  enumOptionsIndexForValue,
  enumOptionsValueForIndex,
  labelValue,
  WidgetProps,
} from '@rjsf/utils';

/**
 * The form's choice of one value (or several) as a native select: a labelled combobox
 * that keyboards, screen readers and browser tests handle like any other, in place of
 * the theme's menu-based select.
 */
export const NativeSelectWidget = (props: WidgetProps) => {
  const { id, options, schema, value, multiple = false } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const selected = enumOptionsIndexForValue(value, enumOptions, multiple);
  const showEmpty = !multiple && schema.default === undefined;

  const valueOf = (target: HTMLSelectElement) =>
    multiple
      ? Array.from(target.selectedOptions, option => option.value)
      : target.value;
  const onChange = (e: ChangeEvent<{ value: unknown }>) =>
    props.onChange(
      enumOptionsValueForIndex(
        valueOf(e.target as HTMLSelectElement),
        enumOptions,
        emptyValue,
      ),
    );
  const onFocusOrBlur =
    (callback: (id: string, value: unknown) => void) =>
    (e: FocusEvent<HTMLInputElement>) =>
      callback(
        id,
        enumOptionsValueForIndex(e.target?.value, enumOptions, emptyValue),
      );

  return (
    <TextField
      select
      id={id}
      name={id}
      label={labelValue(props.label, props.hideLabel || !props.label, false)}
      value={selected ?? (multiple ? [] : '')}
      required={props.required}
      disabled={props.disabled || props.readonly}
      // Only where the offering's form asks for it (`ui:autofocus`).
      // eslint-disable-next-line jsx-a11y/no-autofocus
      autoFocus={props.autofocus}
      error={(props.rawErrors ?? []).length > 0}
      onChange={onChange}
      onBlur={onFocusOrBlur(props.onBlur)}
      onFocus={onFocusOrBlur(props.onFocus)}
      SelectProps={{ native: true, multiple }}
      InputLabelProps={{ shrink: true }}
      inputProps={{ 'aria-describedby': ariaDescribedByIds(id) }}
    >
      {showEmpty && <option value="">{props.placeholder || 'Choose…'}</option>}
      {enumOptions.map((option, i) => (
        <option
          key={i}
          value={String(i)}
          disabled={
            Array.isArray(enumDisabled) && enumDisabled.includes(option.value)
          }
        >
          {option.label}
        </option>
      ))}
    </TextField>
  );
};
