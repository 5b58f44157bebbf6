import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// Pages load lazily and material-table renders slowly; on a 2-core CI machine running
// every package's tests at once, 1 s (the default) for findBy*/waitFor is not enough.
configure({ asyncUtilTimeout: 5000 });

// Dialog tests type and click through whole forms; under a full parallel run on two
// cores one such test can take longer than jest's default 5 s.
jest.setTimeout(30_000);
