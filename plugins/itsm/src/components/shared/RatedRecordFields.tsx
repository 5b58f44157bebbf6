import { LevelFields, LevelValues } from './LevelFields';
import { FormSectionProps } from './formSection';
import {
  EntityInput,
  RecordCoreFields,
  RecordCoreHelp,
} from './RecordCoreFields';
import {
  RecordCoreErrors,
  RecordCoreValues,
  recordCoreRequest,
} from './validation';

/** A new record rated on the priority matrix (an incident, a problem). */
export type RatedRecordValues = RecordCoreValues & LevelValues;

/**
 * The fields of a new rated record: its CI, title and description, then its impact and
 * urgency with the priority they make, each with its help.
 */
export const RatedRecordFields = (
  props: FormSectionProps<RatedRecordValues, RecordCoreErrors> & {
    entity: EntityInput;
    help: RecordCoreHelp & Record<keyof LevelValues, string>;
  },
) => (
  <>
    <RecordCoreFields {...props} />
    <LevelFields {...props} />
  </>
);

/** The create request's core and rating from a valid form of a rated record. */
export function ratedRecordRequest(values: RatedRecordValues) {
  return {
    ...recordCoreRequest(values),
    impact: values.impact,
    urgency: values.urgency,
  };
}
