import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import { ItsmSearchResultListItem } from './ItsmSearchResultListItem';

describe('ItsmSearchResultListItem', () => {
  const result = {
    title: 'INC-000042 Checkout fails',
    text: 'Card payments fail\ncomponent:default/payments-api',
    location: '/itsm/incidents/INC-000042',
    kind: 'incident',
    number: 'INC-000042',
    state: 'in_progress',
    priority: 'P2',
    entityRefs: ['component:default/payments-api'],
  };

  it('shows the record with its kind, state and priority, linking to its page', async () => {
    await renderInTestApp(<ItsmSearchResultListItem result={result} />);
    const item = screen.getByTestId('itsm-search-result-INC-000042');
    expect(
      screen.getByRole('link', { name: 'INC-000042 Checkout fails' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-000042');
    expect(item).toHaveTextContent('Card payments fail');
    expect(item).toHaveTextContent('Incident');
    expect(item).toHaveTextContent('In progress');
    expect(item).toHaveTextContent('P2');
  });

  it('highlights what matched', async () => {
    await renderInTestApp(
      <ItsmSearchResultListItem
        result={result}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { title: '<em>INC-000042</em> Checkout fails' },
        }}
      />,
    );
    expect(screen.getByText('INC-000042').tagName).toBe('MARK');
  });

  it('renders nothing without a result', async () => {
    const { container } = await renderInTestApp(<ItsmSearchResultListItem />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ItsmSearchResultListItemExtension (legacy search page)', () => {
  it('renders the ITSM results among the others, by its predicate', async () => {
    const { ItsmSearchResultListItemExtension } = await import('../../plugin');
    const { SearchResultListItemExtensions, createSearchResultListItemExtension } =
      await import('@backstage/plugin-search-react');
    const { createPlugin } = await import('@backstage/core-plugin-api');
    const Other = createPlugin({ id: 'other' }).provide(
      createSearchResultListItemExtension({
        name: 'Other',
        component: async () => (props: any) =>
          <li data-testid="other-result">{props.result?.title}</li>,
      }),
    );
    await renderInTestApp(
      <SearchResultListItemExtensions
        results={[
          {
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
            } as any,
          },
          {
            type: 'software-catalog',
            document: { title: 'payments-api', text: '', location: '/x' },
          },
        ]}
      >
        <ItsmSearchResultListItemExtension />
        <Other />
      </SearchResultListItemExtensions>,
    );
    expect(
      await screen.findByTestId('itsm-search-result-INC-000042'),
    ).toHaveTextContent('P2');
    expect(await screen.findByTestId('other-result')).toHaveTextContent(
      'payments-api',
    );
  });
});
