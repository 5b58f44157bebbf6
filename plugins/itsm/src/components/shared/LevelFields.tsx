import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  computePriority,
  ImpactLevel,
  LEVEL_LABELS,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { bindChoice, FormSectionProps } from './formSection';
import { PriorityChip } from './PriorityChip';
import { SelectField } from './SelectField';

const LEVELS = [1, 2, 3] as const;

/** The two levels of the priority matrix, in the order the form asks for them. */
const LEVEL_FIELDS = [
  { name: 'impact', label: 'Impact' },
  { name: 'urgency', label: 'Urgency' },
] as const;

/** A new record's rating: the two levels of the priority matrix. */
export interface LevelValues {
  impact: ImpactLevel;
  urgency: UrgencyLevel;
}

/**
 * Impact and urgency of a new record (incidents and problems are rated alike), each a
 * third of the row, with the priority the matrix makes of them (test id
 * `computed-priority`): one row of a form.
 */
export const LevelFields = (
  props: Omit<FormSectionProps<LevelValues>, 'errors'> & {
    help: Record<keyof LevelValues, string>;
  },
) => {
  const { values, help } = props;
  const section = { ...props, errors: {} };
  return (
    <>
      {LEVEL_FIELDS.map(level => (
        <Grid item xs={12} sm={4} key={level.name}>
          <SelectField
            {...bindChoice(section, level.name)}
            error={undefined}
            label={level.label}
            codes={LEVELS}
            labels={LEVEL_LABELS}
            helperText={help[level.name]}
          />
        </Grid>
      ))}
      <Grid item xs={12} sm={4}>
        <Box display="flex" alignItems="center" height="100%" gridGap={8}>
          <Typography variant="body2">Priority:</Typography>
          <span data-testid="computed-priority">
            <PriorityChip
              priority={computePriority(values.impact, values.urgency)}
            />
          </span>
        </Box>
      </Grid>
    </>
  );
};
