import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Content,
  EmptyState,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Priority } from '@backstage-itsm/plugin-itsm-common';
import { isNotFound } from '../../api';
import { rootRouteRef } from '../../routes';
import { PriorityChip } from './PriorityChip';
import { StateChip } from './StateChip';
import { Toolbar } from './Toolbar';

/** What the frame shows of any record. */
interface FramedRecord {
  title: string;
  number: string;
  state: string;
  priority: Priority;
}

/**
 * The frame of a record's page: the header (title, number, kind linking back to the ITSM
 * page), a progress bar while the record loads, "No incident INC-…, or you may not see
 * it" for a 404 (the server's answer for a missing record and for one the caller may
 * not read alike) and an error panel for other failures; once
 * loaded, a bar with the number, state, `chips` and priority on the left and `actions`
 * (the moves) on the right, above the page's `children`.
 */
export const RecordPageFrame = <R extends FramedRecord>(props: {
  /** "Incident", "Change", "Service request". */
  kindLabel: string;
  /** The id or number from the route, shown until the record is loaded. */
  id: string;
  record: { value?: R; loading: boolean; error?: Error };
  chips?: (record: R) => ReactNode;
  actions: (record: R) => ReactNode;
  children: (record: R) => ReactNode;
}) => {
  const { kindLabel, id } = props;
  const { value: record, loading, error } = props.record;
  const rootLink = useRouteRef(rootRouteRef);
  const backLink = <Link to={rootLink()}>Back to service management</Link>;
  let content: ReactNode;
  if (loading && !record) {
    content = <Progress />;
  } else if (error && !isNotFound(error)) {
    content = (
      <>
        <ResponseErrorPanel error={error} />
        <Box mt={2}>{backLink}</Box>
      </>
    );
  } else if (!record) {
    // Which of the two it is, the server does not say; neither may the page.
    const noun = kindLabel.toLocaleLowerCase('en-US');
    content = (
      <EmptyState
        missing="info"
        title={`No ${noun} ${id}, or you may not see it`}
        description={`The number may be wrong, or you are not allowed to read this ${noun}.`}
        action={backLink}
      />
    );
  } else {
    content = (
      <>
        <Toolbar>
          <Typography variant="h6" component="span">
            {record.number}
          </Typography>
          <StateChip state={record.state} />
          {props.chips?.(record)}
          <PriorityChip priority={record.priority} />
          <Box flexGrow={1} />
          {props.actions(record)}
        </Toolbar>
        {props.children(record)}
      </>
    );
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
