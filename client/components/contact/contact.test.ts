import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { Contact } from '../../../common/wire/index.ts';
import { contactProblem } from './index.tsx';

describe('the contact section check', () => {
  const addresses = [
    'deltagare@example.org',
    '  namn.efternamn+malmo@exempel.se ',
    'a_b-c@sub.domain.example',
    'namn@exempel',
    'namn@@exempel.se',
    'namn exempel@exempel.se',
    'namn@exempel.s',
    '@exempel.se',
    'åsa@exempel.se',
    `${'a'.repeat(250)}@e.se`,
  ];

  it.each(addresses)('should agree with the wire schema on %j', (email) => {
    const wire = v.safeParse(Contact, { email, consentVersion: 'contact-2026-11' }).success;
    expect(contactProblem({ wanted: true, email }) === undefined).toBe(wire);
  });

  it('should ask for an address only when the person ticked the box', () => {
    expect(contactProblem({ wanted: false, email: '' })).toBeUndefined();
    expect(contactProblem({ wanted: false, email: 'not an address' })).toBeUndefined();
    expect(contactProblem({ wanted: true, email: '   ' })).toBe('missing');
    expect(contactProblem({ wanted: true, email: 'namn@' })).toBe('invalid');
  });
});
