import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/**
 * The frame of a record's page: the header (title, number, kind linking back to the ITSM
 * page), a progress bar while the record loads and an error panel when it can't.
 */
export const RecordPageFrame = (props: {
  /** "Incident", "Change". */
  kindLabel: string;
  /** The id or number from the route, shown until the record is loaded. */
  id: string;
  record?: { title: string; number: string };
  loading: boolean;
  error?: Error;
  children?: ReactNode;
}) => {
  const { kindLabel, id, record, loading, error } = props;
  const rootLink = useRouteRef(rootRouteRef);
  let content: ReactNode;
  if (loading && !record) {
    content = <Progress />;
  } else if (error || !record) {
    content = (
      <>
        <ResponseErrorPanel
          error={error ?? new Error(`${kindLabel} ${id} not found`)}
        />
        <Box mt={2}>
          <Link to={rootLink()}>Back to service management</Link>
        </Box>
      </>
    );
  } else {
    content = props.children;
  }
  return (
    <Page themeId="tool">
      <Header
        title={record ? record.title : id}
        subtitle={record?.number}
        type={kindLabel}
        typeLink={rootLink()}
      />
      <Content>{content}</Content>
    </Page>
  );
};
