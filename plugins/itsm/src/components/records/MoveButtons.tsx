import Button from '@material-ui/core/Button';

/**
 * A record's moves as buttons named by `label`: those back or out (`backward`) after the
 * others and outlined; the others contained, or only the `primary` ones where given.
 * Each has the test id `move-<state>` (`move-resolved`).
 */
export const MoveButtons = <S extends string>(props: {
  moves: readonly S[];
  backward?: readonly S[];
  primary?: readonly S[];
  label: (to: S) => string;
  onMove: (to: S) => void;
}) => {
  const { backward = [], primary } = props;
  const isBackward = (to: S) => Number(backward.includes(to));
  const contained = (to: S) =>
    primary ? primary.includes(to) : !isBackward(to);
  return (
    <>
      {[...props.moves]
        .sort((a, b) => isBackward(a) - isBackward(b))
        .map(to => (
          <Button
            key={to}
            data-testid={`move-${to}`}
            variant={contained(to) ? 'contained' : 'outlined'}
            color="primary"
            onClick={() => props.onMove(to)}
          >
            {props.label(to)}
          </Button>
        ))}
    </>
  );
};
