/**
 * What a card of a record's page takes: the record, whether the signed-in user may
 * update it, and what to call once it changed it (the page reloads what it shows).
 */
export interface RecordCardProps<R> {
  record: R;
  editable: boolean;
  onUpdated: () => void;
}
