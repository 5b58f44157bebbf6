import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';

/** A form dialog's buttons: go back without change, or submit the form by its id. */
export const FormDialogActions = (props: {
  formId: string;
  submitLabel: string;
  cancelLabel?: string;
  submitting: boolean;
  onCancel: () => void;
}) => (
  <DialogActions>
    <Button onClick={props.onCancel} disabled={props.submitting}>
      {props.cancelLabel ?? 'Cancel'}
    </Button>
    <Button
      type="submit"
      form={props.formId}
      color="primary"
      variant="contained"
      disabled={props.submitting}
    >
      {props.submitLabel}
    </Button>
  </DialogActions>
);
