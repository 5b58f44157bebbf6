import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SearchField } from './KindView';

/**
 * A page whose URL catches up late: what the field applies comes back as its value
 * only after `echoDelay` ms, as a navigation does when the browser is busy.
 */
const LateUrl = (props: { echoDelay: number; applied: string[] }) => {
  const [value, setValue] = useState('checkout');
  return (
    <SearchField
      id="search"
      value={value}
      onApply={text => {
        props.applied.push(text);
        setTimeout(() => setValue(text), props.echoDelay);
      }}
    />
  );
};

describe('SearchField', () => {
  it('keeps what the user typed on while its own search comes back from the URL', async () => {
    const applied: string[] = [];
    render(<LateUrl echoDelay={400} applied={applied} />);
    const field = screen.getByLabelText('Search');
    await userEvent.clear(field);
    await userEvent.type(field, 'led');
    // The pause applies 'led'; the user types on before the URL has it.
    await waitFor(() => expect(applied).toEqual(['led']));
    await userEvent.type(field, 'ger');
    // The URL now says 'led' (the echo), which must not replace 'ledger'.
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(field).toHaveValue('ledger');
    await waitFor(() => expect(applied).toEqual(['led', 'ledger']));
  });

  it('shows a text the URL got by other means', async () => {
    const { rerender } = render(
      <SearchField id="search" value="checkout" onApply={() => {}} />,
    );
    rerender(<SearchField id="search" value="ledger" onApply={() => {}} />);
    expect(screen.getByLabelText('Search')).toHaveValue('ledger');
  });
});
