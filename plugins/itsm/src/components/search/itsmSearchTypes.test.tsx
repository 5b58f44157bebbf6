import { render } from '@testing-library/react';
import AutorenewIcon from '@material-ui/icons/Autorenew';
import BugReportIcon from '@material-ui/icons/BugReport';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import ShoppingCartIcon from '@material-ui/icons/ShoppingCart';
import {
  itsmSearchType,
  RECORD_KINDS,
} from '@backstage-itsm/plugin-itsm-common';
import { isItsmSearchResult, itsmSearchTypes } from './index';

// The result types of a legacy search page (`SearchType.Accordion types={…}`); the new
// frontend system's page gets the same from the plugin (src/alpha/plugin.test.tsx), and
// packages/app/src/search.test.tsx chooses them on the search page.
describe('itsmSearchTypes', () => {
  it("are the collators' document types, one per kind in the kinds' order", () => {
    expect(itsmSearchTypes.map(({ value, name }) => ({ value, name }))).toEqual(
      [
        { value: 'itsm-incident', name: 'Incidents' },
        { value: 'itsm-change', name: 'Changes' },
        { value: 'itsm-request', name: 'Service requests' },
        { value: 'itsm-problem', name: 'Problems' },
      ],
    );
    expect(itsmSearchTypes.map(type => type.value)).toEqual(
      RECORD_KINDS.map(itsmSearchType),
    );
    for (const { value } of itsmSearchTypes) {
      expect(isItsmSearchResult({ type: value })).toBe(true);
    }
  });

  it('give each kind an icon of its own', () => {
    expect(itsmSearchTypes.map(type => type.icon.type)).toEqual([
      ReportProblemIcon,
      AutorenewIcon,
      ShoppingCartIcon,
      BugReportIcon,
    ]);
    const paths = itsmSearchTypes.map(type =>
      render(type.icon).container.querySelector('svg path')?.getAttribute('d'),
    );
    expect(new Set(paths).size).toBe(itsmSearchTypes.length);
  });
});
