import { CodeChip } from '../shared';

/** "Known error": a problem published with its cause and workaround. */
export const KnownErrorChip = () => (
  <CodeChip
    label="Known error"
    colors={{ bg: '#ad1457', fg: '#fff', bold: true }}
    testId="known-error-chip"
  />
);
