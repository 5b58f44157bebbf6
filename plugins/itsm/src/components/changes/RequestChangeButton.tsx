import { Change } from '@backstage-itsm/plugin-itsm-common';
import { OpenDialogButton, useCreatePermission } from '../shared';
import { NewChangeDialog } from './NewChangeDialog';

/**
 * The "Request change" button with its dialog, for the entity tab and the ITSM page;
 * only for those who may raise changes.
 */
export const RequestChangeButton = (props: {
  /** The CI when requesting from an entity page; asked for otherwise. */
  entityRef?: string;
  onCreated: (change: Change) => void;
  variant?: 'contained' | 'text';
}) => {
  const create = useCreatePermission('change');
  if (!create.allowed) return null;
  return (
    <OpenDialogButton label="Request change" variant={props.variant}>
      {({ open, close }) => (
        <NewChangeDialog
          open={open}
          entityRef={props.entityRef}
          onClose={close}
          onCreated={change => {
            close();
            props.onCreated(change);
          }}
        />
      )}
    </OpenDialogButton>
  );
};
