import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  computePriority,
  ImpactLevel,
  LEVEL_LABELS,
  UrgencyLevel,
} from '@backstage-itsm/plugin-itsm-common';
import { PriorityChip } from './PriorityChip';
import { SelectField } from './SelectField';

const LEVELS = [1, 2, 3] as const;

/** A level of the priority matrix (impact or urgency), a third of the row. */
const LevelField = (props: {
  id: string;
  label: string;
  value: ImpactLevel;
  onChange: (level: ImpactLevel) => void;
  helperText: string;
}) => (
  <Grid item xs={12} sm={4}>
    <SelectField
      id={props.id}
      label={props.label}
      value={props.value}
      codes={LEVELS}
      labels={LEVEL_LABELS}
      onChange={level => level && props.onChange(level)}
      helperText={props.helperText}
    />
  </Grid>
);

/**
 * Impact and urgency of a new record (incidents and problems are rated alike), with the
 * priority the matrix makes of them (test id `computed-priority`): one row of a form.
 */
export const LevelFields = (props: {
  idPrefix: string;
  values: { impact: ImpactLevel; urgency: UrgencyLevel };
  onChange: (patch: { impact?: ImpactLevel; urgency?: UrgencyLevel }) => void;
  help: { impact: string; urgency: string };
}) => {
  const { idPrefix, values, onChange, help } = props;
  return (
    <>
      <LevelField
        id={`${idPrefix}-impact`}
        label="Impact"
        value={values.impact}
        onChange={impact => onChange({ impact })}
        helperText={help.impact}
      />
      <LevelField
        id={`${idPrefix}-urgency`}
        label="Urgency"
        value={values.urgency}
        onChange={urgency => onChange({ urgency })}
        helperText={help.urgency}
      />
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
