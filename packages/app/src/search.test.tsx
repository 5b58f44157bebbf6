import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import searchPlugin from '@backstage/plugin-search/alpha';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import itsmPlugin from '@backstage-itsm/plugin-itsm';

// The app's search page (page:search of the search plugin) with the ITSM plugin, as the
// app discovers them: its "Result Type" filter offers the ITSM record kinds, and
// choosing one searches that kind's documents only.
describe('the search page with the ITSM plugin', () => {
  const incident = {
    type: 'itsm-incident',
    document: {
      title: 'INC-000042 Checkout fails',
      text: 'Card payments fail',
      location: '/itsm/incidents/INC-000042',
      kind: 'incident',
      number: 'INC-000042',
      state: 'new',
      priority: 'P2',
      entityRefs: [],
    },
  };

  /** The types a search asked for (`types[0]`, … in the query string). */
  const typesOf = (query: URLSearchParams) =>
    [...query.entries()]
      .filter(([key]) => key.startsWith('types'))
      .map(([, value]) => value);

  /** The search backend and the catalog's facets, answering every query. */
  function backend() {
    const searches: URLSearchParams[] = [];
    const fetch = jest.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      if (url.pathname.endsWith('/search/query')) {
        searches.push(url.searchParams);
        const types = typesOf(url.searchParams);
        const results =
          types.length === 0 || types.includes('itsm-incident')
            ? [incident]
            : [];
        return new Response(
          JSON.stringify({ results, numberOfResults: results.length }),
          { headers: { 'Content-Type': 'application/json' } },
        );
      }
      if (url.pathname.endsWith('/catalog/entity-facets')) {
        return new Response(JSON.stringify({ facets: { kind: [] } }), {
          headers: { 'Content-Type': 'application/json' },
        });
      }
      return new Response('{}', { status: 404 });
    });
    return { fetch, searches };
  }

  it('offers the ITSM record kinds as result types, each searching its documents', async () => {
    const { fetch, searches } = backend();
    renderTestApp({
      features: [searchPlugin, catalogPlugin, itsmPlugin],
      initialRouteEntries: ['/search?query=checkout'],
      apis: [
        mockApis.fetch({ baseImplementation: fetch as typeof global.fetch }),
      ],
    });

    // The "Result Type" list: the page's own entries, then the ITSM kinds with their
    // counts for the term (the search backend finds one incident).
    const resultTypes = await screen.findByRole('navigation', {
      name: 'filter by type',
    });
    const entry = (name: string) =>
      within(resultTypes).getByRole('button', { name: new RegExp(`^${name}`) });
    await waitFor(() =>
      expect(
        within(resultTypes)
          .getAllByRole('button')
          .map(button => button.textContent),
      ).toEqual([
        'All1 results',
        'Software Catalog0 results',
        'Incidents1 results',
        'Changes0 results',
        'Service requests0 results',
        'Problems0 results',
      ]),
    );
    expect(
      await screen.findByTestId('itsm-search-result-INC-000042'),
    ).toBeInTheDocument();

    // Choosing a kind searches its document type only.
    await userEvent.click(entry('Changes'));
    await waitFor(() =>
      expect(
        screen.queryByTestId('itsm-search-result-INC-000042'),
      ).not.toBeInTheDocument(),
    );
    expect(entry('Changes')).toHaveClass('Mui-selected');
    await userEvent.click(entry('Incidents'));
    expect(
      await screen.findByTestId('itsm-search-result-INC-000042'),
    ).toBeInTheDocument();
    expect(entry('Incidents')).toHaveClass('Mui-selected');
    expect(entry('All')).not.toHaveClass('Mui-selected');

    // The result lists asked for (the counts ask with pageLimit 0): all types first,
    // then the chosen kinds.
    const listings = searches
      .filter(query => query.get('pageLimit') !== '0')
      .map(typesOf);
    expect(listings[0]).toEqual([]);
    expect(listings).toContainEqual(['itsm-change']);
    expect(listings[listings.length - 1]).toEqual(['itsm-incident']);
  });
});
