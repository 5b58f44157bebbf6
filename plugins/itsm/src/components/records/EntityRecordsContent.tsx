import { ReactNode, useState } from 'react';
import Grid from '@material-ui/core/Grid';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ciEntityRef } from '../shared';
import { CreateRecordButton } from './CreateRecordButton';
import { KindRecord, RecordKindDescriptor } from './descriptor';
import { RecordTable, RecordTableProps } from './RecordTable';

/**
 * The entity's records of one kind with the kind's "create" button: a section of the
 * entity tab. `below` adds sections under the list (a change calendar), as grid items;
 * they get the CI, the key that changes when a record was created, and `reload` to
 * change it when they create one themselves.
 */
export const EntityRecordsContent = <R extends KindRecord, F>(props: {
  kind: RecordKindDescriptor<R, F>;
  below?: (section: {
    entityRef: string;
    reloadKey: number;
    reload: () => void;
  }) => ReactNode;
}) => {
  const { kind, below } = props;
  const { entity } = useEntity();
  const entityRef = ciEntityRef(entity);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey(k => k + 1);

  const table = (
    <RecordTable
      kind={kind}
      // Every kind's list filters by CI.
      filter={{ entityRef } as unknown as RecordTableProps<F>['filter']}
      reloadKey={reloadKey}
      actions={
        <CreateRecordButton
          kind={kind}
          entityRef={entityRef}
          // The new record is open and newest, so it shows at the top after reload.
          onCreated={reload}
        />
      }
    />
  );
  if (!below) return table;
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>{table}</Grid>
      {below({ entityRef, reloadKey, reload })}
    </Grid>
  );
};
