import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';

/** A wrapping row of chips, buttons or filters above a page's or list's content. */
export const Toolbar = (props: { children: ReactNode; gap?: number }) => (
  <Box
    display="flex"
    alignItems="center"
    flexWrap="wrap"
    gridGap={props.gap ?? 8}
    mb={2}
  >
    {props.children}
  </Box>
);
