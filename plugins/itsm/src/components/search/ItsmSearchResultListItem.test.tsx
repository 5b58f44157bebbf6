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
