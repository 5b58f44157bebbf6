import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { LinkByNumberDialog } from './LinkByNumberDialog';
import {
  AddButton,
  LinkedRecordList,
  LinkedRecordRow,
  Loaded,
  UnlinkButton,
} from './LinkedRecordList';
import { useSubmit } from './useSubmit';

/**
 * Incidents linked to a record (`label` names the list), each with "Unlink" when
 * `editable`, and `add` (its button's label and test id, the dialog's help) linking one
 * by its number when `mayLink`; `link` and `unlink` call the server, `onChanged` follows
 * them, and the server's message shows when they fail.
 */
export const LinkedIncidentsEditor = <T extends LinkedRecordRow>(props: {
  label: string;
  records: Loaded<T[]>;
  empty: string;
  testId: (record: T) => string;
  /** The number of the record they are linked to (the page's). */
  number: string;
  editable: boolean;
  mayLink: boolean;
  add: { label: string; testId: string; helperText: string };
  link: (number: string) => Promise<unknown>;
  unlink: (number: string) => Promise<unknown>;
  onChanged: () => void;
}) => {
  const { add, onChanged } = props;
  const [linking, setLinking] = useState(false);
  const unlink = useSubmit();
  const removeLink = (number: string) =>
    unlink.runThen(() => props.unlink(number), onChanged);
  return (
    <>
      <LinkedRecordList
        kind="incident"
        label={props.label}
        records={props.records}
        empty={props.empty}
        testId={props.testId}
        action={
          props.editable
            ? record => (
                <UnlinkButton
                  number={record.number}
                  onUnlink={removeLink}
                  disabled={unlink.submitting}
                />
              )
            : undefined
        }
      />
      {unlink.error && (
        <Box mt={1}>
          <Alert severity="error">{unlink.error}</Alert>
        </Box>
      )}
      {props.mayLink && (
        <AddButton testId={add.testId} onClick={() => setLinking(true)}>
          {add.label}
        </AddButton>
      )}
      <LinkByNumberDialog
        open={linking}
        kind="incident"
        action={add.label}
        number={props.number}
        helperText={add.helperText}
        onClose={() => setLinking(false)}
        link={async number => {
          await props.link(number);
          onChanged();
        }}
      />
    </>
  );
};
