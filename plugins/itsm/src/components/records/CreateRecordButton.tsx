import { OpenDialogButton, useCreatePermission } from '../shared';
import { KindRecord, RecordKindDescriptor } from './descriptor';

/**
 * The kind's "create" button ("Report incident", "Request change") with its dialog, for
 * the entity tab, cards and the ITSM page; only for those who may create records of the
 * kind, and nothing for a kind without one.
 */
export const CreateRecordButton = <R extends KindRecord>(props: {
  kind: RecordKindDescriptor<R>;
  /** The CI when created from an entity page; asked for otherwise. */
  entityRef?: string;
  onCreated: (record: R) => void;
  /** `contained` for page actions, `text` (small) inside cards. */
  variant?: 'contained' | 'text';
}) => {
  const { create } = props.kind;
  const permission = useCreatePermission(props.kind.kind);
  if (!create || !permission.allowed) return null;
  return (
    <OpenDialogButton label={create.label} variant={props.variant}>
      {({ open, close }) => (
        <create.Dialog
          open={open}
          entityRef={props.entityRef}
          onClose={close}
          onCreated={record => {
            close();
            props.onCreated(record);
          }}
        />
      )}
    </OpenDialogButton>
  );
};
