import { ReactNode, useState } from 'react';
import Button from '@material-ui/core/Button';
import AddIcon from '@material-ui/icons/Add';

/**
 * A button that opens a dialog ("Report incident", "Request change"); the dialog gets
 * whether it is open and how to close it.
 */
export const OpenDialogButton = (props: {
  label: string;
  /** `contained` for page actions, `text` (small) inside cards. */
  variant?: 'contained' | 'text';
  children: (dialog: { open: boolean; close: () => void }) => ReactNode;
}) => {
  const { label, variant = 'contained', children } = props;
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={variant}
        size={variant === 'text' ? 'small' : 'medium'}
        color="primary"
        startIcon={<AddIcon />}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      {children({ open, close: () => setOpen(false) })}
    </>
  );
};
