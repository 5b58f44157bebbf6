import { ComponentType } from 'react';
import AutorenewIcon from '@material-ui/icons/Autorenew';
import BugReportIcon from '@material-ui/icons/BugReport';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import {
  itsmSearchType,
  kindDeclaration,
  RECORD_KINDS,
  RecordKind,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * A search result type of the search page's "Result Type" filter: the document type it
 * narrows the search to, its label and its icon.
 *
 * @public
 */
export interface ItsmSearchResultType {
  /** The document type of a kind's collator: `itsm-incident`, … */
  value: string;
  /** The kind's records: "Incidents", "Service requests", … */
  name: string;
  icon: JSX.Element;
}

/** Each kind's icon (a new kind needs one). */
const KIND_ICONS: Record<RecordKind, ComponentType> = {
  incident: ReportProblemIcon,
  change: AutorenewIcon,
  request: ShoppingCartIcon,
  problem: BugReportIcon,
};

/** The result type of a kind's records. */
export function itsmSearchResultType(kind: RecordKind): ItsmSearchResultType {
  const Icon = KIND_ICONS[kind];
  return {
    value: itsmSearchType(kind),
    name: kindDeclaration(kind).labels.plural,
    icon: <Icon />,
  };
}

/**
 * One result type per kind of record, in the product's order of the kinds ("Incidents",
 * "Changes", "Service requests", "Problems"), each the document type of its kind's
 * collator in `@backstage-itsm/plugin-search-backend-module-itsm`. For the `types` of a
 * legacy search page's `SearchType.Accordion` or `SearchType.Tabs`; the new frontend
 * system's search page gets them from the plugin (`search-filter-result-type:itsm/<kind>`).
 *
 * @public
 */
export const itsmSearchTypes: ItsmSearchResultType[] =
  RECORD_KINDS.map(itsmSearchResultType);
