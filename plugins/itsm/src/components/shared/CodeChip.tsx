import Chip from '@material-ui/core/Chip';

/** Background and text colour of a coded value's chip; `bold` for the alarming ones. */
export type ChipColors = { bg: string; fg: string; bold?: boolean };

/** White text on `bg`, the colours of most chips. */
export const whiteOn = (bg: string, bold?: boolean): ChipColors =>
  bold ? { bg, fg: '#fff', bold } : { bg, fg: '#fff' };

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

/**
 * The chip component of a kind of code (a state, a status, a risk), from its tables: it
 * takes the code as its prop `prop` and shows its label (the code without one) and
 * `suffix` in its colours, with the test id `<testId>-<code>` where `testId` is given.
 */
export function codeTableChip<P extends string, C extends string>(
  prop: P,
  tables: {
    labels: Partial<Record<C, string>>;
    colors: Partial<Record<C, ChipColors>>;
    testId?: string;
    suffix?: string;
  },
) {
  const { labels, colors, testId, suffix = '' } = tables;
  return (props: Record<P, C>) => {
    const code = props[prop];
    return (
      <CodeChip
        label={`${labels[code] ?? code}${suffix}`}
        colors={colors[code]}
        testId={testId && `${testId}-${code}`}
      />
    );
  };
}
