import { ReactNode } from 'react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { Link } from '@backstage/core-components';
import {
  IndexableDocument,
  ResultHighlight,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  isRecordKind,
  ItsmIndexableDocumentFields,
  kindDeclaration,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { PriorityChip, RecordState, StateChip } from '../shared';

/**
 * Whether a search result is an ITSM record (the collators' document types
 * `itsm-<kind>`).
 *
 * @public
 */
export const isItsmSearchResult = (result: { type: string }) =>
  result.type.startsWith('itsm-');

/** An ITSM record as the search index holds it (the ITSM search collator's document). */
export type ItsmSearchResultDocument = IndexableDocument &
  ItsmIndexableDocumentFields;

/**
 * A record found in Backstage search: its number and title (linking to its page), its
 * kind, state and priority, and the text that matched.
 *
 * @public
 */
export const ItsmSearchResultListItem = (props: {
  result?: IndexableDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
}) => {
  const result = props.result as ItsmSearchResultDocument | undefined;
  if (!result) return null;
  const { highlight } = props;
  const field = (name: 'title' | 'text') =>
    highlight?.fields[name] ? (
      <HighlightedSearchResultText
        text={highlight.fields[name]}
        preTag={highlight.preTag}
        postTag={highlight.postTag}
      />
    ) : (
      result[name]
    );
  return (
    <ListItem
      alignItems="flex-start"
      data-testid={`itsm-search-result-${result.number}`}
    >
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <Box flexWrap="wrap">
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={<Link to={result.location}>{field('title')}</Link>}
          secondary={field('text')}
        />
        <Box display="flex" gridGap={8} flexWrap="wrap">
          <Chip
            size="small"
            variant="outlined"
            label={
              isRecordKind(result.kind)
                ? kindDeclaration(result.kind).labels.singular
                : result.kind
            }
          />
          <StateChip state={result.state as RecordState} />
          <PriorityChip priority={result.priority as Priority} />
        </Box>
      </Box>
    </ListItem>
  );
};
