import { render } from '@testing-library/react';
import { Logo } from './Logo';

describe('Logo', () => {
  it('draws the word mark, or the icon alone', () => {
    const full = render(<Logo variant="full" />).container.querySelector('svg');
    const icon = render(<Logo variant="icon" />).container.querySelector('svg');
    expect(full?.getAttribute('viewBox')).toBe('0 0 2079.95 456.05');
    expect(icon?.getAttribute('viewBox')).toBe('0 0 337.46 428.5');
    expect(full?.querySelector('path')?.getAttribute('d')).not.toBe(
      icon?.querySelector('path')?.getAttribute('d'),
    );
  });
});
