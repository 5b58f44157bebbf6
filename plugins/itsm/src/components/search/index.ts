export {
  isItsmSearchResult,
  ItsmSearchResultListItem,
} from './ItsmSearchResultListItem';
export type { ItsmSearchResultDocument } from './ItsmSearchResultListItem';
