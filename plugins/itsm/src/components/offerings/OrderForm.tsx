import { useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { Form } from '@rjsf/material-ui';
import {
  ErrorSchema,
  RJSFValidationError,
  RegistryWidgetsType,
} from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useApi } from '@backstage/core-plugin-api';
import {
  RequestParameters,
  ServiceOfferingEntity,
  ServiceRequest,
  TEXT_LIMITS,
} from '@backstage-itsm/plugin-itsm-common';
import { itsmApiRef, serverMessage } from '../../api';
import { ciEntityRef, useSubmit } from '../shared';
import { fieldErrorsOf, splitUiSchema } from './schema';
import { offeringTitle } from './offering';
import { NativeSelectWidget } from './NativeSelectWidget';

const widgets: RegistryWidgetsType = { SelectWidget: NativeSelectWidget };

/** Validation messages in plain words; the field's description says what is expected. */
function transformErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map(error => {
    const limit = error.params?.limit;
    const message: Record<string, string | undefined> = {
      required: 'Required',
      pattern: 'Not in the expected format',
      minLength: `At least ${limit} characters`,
      maxLength: `At most ${limit} characters`,
      minimum: `At least ${limit}`,
      maximum: `At most ${limit}`,
      minItems: `Choose at least ${limit}`,
      format: `Not a valid ${error.params?.format}`,
    };
    return { ...error, message: message[error.name ?? ''] ?? error.message };
  });
}

/**
 * The order form of an offering: its parameters as the offering's JSON Schema defines
 * them (react-jsonschema-form with the Material UI theme and the ajv validator, as in
 * the scaffolder), then an optional title and description. The fields are checked as
 * the user types once a submit has been tried; the server checks again and its 400,
 * which names the field, is shown above the button and beside that field.
 */
export const OrderForm = (props: {
  offering: ServiceOfferingEntity;
  onCreated: (request: ServiceRequest) => void;
}) => {
  const { offering, onCreated } = props;
  const itsmApi = useApi(itsmApiRef);
  const { schema, uiSchema } = useMemo(
    () => splitUiSchema(offering.spec.parameters),
    [offering],
  );
  const [formData, setFormData] = useState<RequestParameters>({});
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [tried, setTried] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const submit = useSubmit();

  const onSubmit = async (parameters: RequestParameters) => {
    setTried(true);
    setInvalid(false);
    setExtraErrors(undefined);
    let failure: unknown;
    const created = await submit.run(() =>
      itsmApi
        .createRequest({
          offeringRef: ciEntityRef(offering),
          parameters,
          ...(title.trim() ? { title: title.trim() } : {}),
          ...(description.trim() ? { description: description.trim() } : {}),
        })
        .catch(e => {
          failure = e;
          throw e;
        }),
    );
    if (created) {
      onCreated(created);
      return;
    }
    const fields = fieldErrorsOf(serverMessage(failure) ?? '');
    if (Object.keys(fields).length > 0) {
      setExtraErrors(
        Object.fromEntries(
          Object.entries(fields).map(([field, errors]) => [
            field,
            { __errors: errors },
          ]),
        ) as ErrorSchema,
      );
    }
  };

  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      validator={validator}
      widgets={widgets}
      formData={formData}
      onChange={e => {
        setFormData(e.formData ?? {});
        setExtraErrors(undefined);
        if (tried) setInvalid(e.errors.length > 0);
      }}
      onSubmit={e => onSubmit(e.formData ?? {})}
      onError={() => {
        setTried(true);
        setInvalid(true);
      }}
      liveValidate={tried}
      extraErrors={extraErrors}
      transformErrors={transformErrors}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      idPrefix="parameters"
      disabled={submit.submitting}
    >
      <Box mt={3} display="flex" flexDirection="column" gridGap={16}>
        <TextField
          id="itsm-order-title"
          label="Title"
          value={title}
          onChange={e => setTitle(e.target.value)}
          helperText={`Optional: “${offeringTitle(offering)}” if left empty`}
          inputProps={{ maxLength: TEXT_LIMITS.title }}
          fullWidth
        />
        <TextField
          id="itsm-order-description"
          label="Description"
          value={description}
          onChange={e => setDescription(e.target.value)}
          helperText="Optional: anything the team should know"
          inputProps={{ maxLength: TEXT_LIMITS.description }}
          multiline
          minRows={2}
          fullWidth
        />
        {invalid && (
          <Alert severity="warning">
            Some fields need attention: see the messages beside them.
          </Alert>
        )}
        {submit.error && (
          <Alert severity="error" role="alert">
            {submit.error}
          </Alert>
        )}
        <Box>
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={submit.submitting}
          >
            Submit request
          </Button>
        </Box>
      </Box>
    </Form>
  );
};
