import { ReactNode } from 'react';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { FormDialogActions } from './FormDialogActions';

/**
 * A dialog around one form: the title names the dialog, the fields sit in a grid, the
 * server's error shows under them and the submit button submits the form by its id.
 */
export const FormDialog = (props: {
  open: boolean;
  /** Used for the form's and the title's ids. */
  id: string;
  title: ReactNode;
  submitLabel: string;
  cancelLabel?: string;
  submitting: boolean;
  /** The server's message after a failed submit. */
  error?: string;
  maxWidth?: 'sm' | 'md';
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) => {
  const { open, id, submitting, onClose, onSubmit } = props;
  return (
    <Dialog
      open={open}
      onClose={submitting ? undefined : onClose}
      fullWidth
      maxWidth={props.maxWidth ?? 'sm'}
      aria-labelledby={`${id}-heading`}
    >
      <DialogTitle id={`${id}-heading`}>{props.title}</DialogTitle>
      <DialogContent>
        <form
          id={`${id}-form`}
          noValidate
          onSubmit={e => {
            e.preventDefault();
            onSubmit();
          }}
        >
          <Grid container spacing={2}>
            {props.children}
            {props.error && (
              <Grid item xs={12}>
                <Alert severity="error">{props.error}</Alert>
              </Grid>
            )}
          </Grid>
        </form>
      </DialogContent>
      <FormDialogActions
        formId={`${id}-form`}
        submitLabel={props.submitLabel}
        cancelLabel={props.cancelLabel}
        submitting={submitting}
        onCancel={onClose}
      />
    </Dialog>
  );
};

/**
 * A dialog confirming an act on a record: titled "<act>: <number>", confirmed by a
 * button named after the act, "Back" to leave it undone; `submit` is the state of the
 * call (from `useSubmit`).
 */
export const ActionDialog = (props: {
  id: string;
  action: string;
  number: string;
  submit: { submitting: boolean; error?: string };
  open?: boolean;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) => (
  <FormDialog
    open={props.open ?? true}
    id={props.id}
    title={`${props.action}: ${props.number}`}
    submitLabel={props.action}
    cancelLabel="Back"
    submitting={props.submit.submitting}
    error={props.submit.error}
    onClose={props.onClose}
    onSubmit={props.onSubmit}
  >
    {props.children}
  </FormDialog>
);
