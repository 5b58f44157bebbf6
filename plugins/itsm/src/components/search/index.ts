export {
  isItsmSearchResult,
  ItsmSearchResultListItem,
} from './ItsmSearchResultListItem';
export type { ItsmSearchResultDocument } from './ItsmSearchResultListItem';
export { itsmSearchTypes } from './itsmSearchTypes';
export type { ItsmSearchResultType } from './itsmSearchTypes';
