import Button from '@material-ui/core/Button';

/**
 * A record's moves as buttons named by `labels`: the forward ones first and contained,
 * those back or out (`backward`) after them and outlined.
 */
export const MoveButtons = <S extends string>(props: {
  moves: readonly S[];
  backward: readonly S[];
  labels: Record<S, string>;
  onMove: (to: S) => void;
}) => {
  const { backward } = props;
  const isBackward = (to: S) => Number(backward.includes(to));
  return (
    <>
      {[...props.moves]
        .sort((a, b) => isBackward(a) - isBackward(b))
        .map(to => (
          <Button
            key={to}
            variant={isBackward(to) ? 'outlined' : 'contained'}
            color="primary"
            onClick={() => props.onMove(to)}
          >
            {props.labels[to]}
          </Button>
        ))}
    </>
  );
};
