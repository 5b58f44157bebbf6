import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';

/** A notice above a page's content: what the record waits for, what a move misses. */
export const Notice = (props: {
  severity: 'info' | 'warning' | 'error';
  onClose?: () => void;
  children: ReactNode;
}) => (
  <Box mb={2}>
    <Alert severity={props.severity} onClose={props.onClose}>
      {props.children}
    </Alert>
  </Box>
);
