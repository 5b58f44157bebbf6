import Chip from '@material-ui/core/Chip';

/** Background and text colour of a coded value's chip; `bold` for the alarming ones. */
export type ChipColors = { bg: string; fg: string; bold?: boolean };

/** A coded value (state, priority, risk…) as a small chip in its colours. */
export const CodeChip = (props: {
  label: string;
  colors?: ChipColors;
  outlined?: boolean;
  testId?: string;
}) => {
  const { label, colors, outlined } = props;
  const style = colors && {
    ...(outlined
      ? { borderColor: colors.bg, color: colors.bg }
      : { backgroundColor: colors.bg, color: colors.fg }),
    ...(colors.bold ? { fontWeight: 700 } : {}),
  };
  return (
    <Chip
      size="small"
      variant={outlined ? 'outlined' : 'default'}
      label={label}
      style={style}
      data-testid={props.testId}
    />
  );
};
