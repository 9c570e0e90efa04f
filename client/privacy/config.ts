/**
 * Who is responsible for the personal data (personuppgiftsansvarig) and how to reach the data
 * protection officer. Swedish defaults until the API serves the deployment's values
 * (README: configuration table).
 */
export const PRIVACY_CONTACT = {
  controller: 'Malmö stad, kommunstyrelsen',
  dpoEmail: 'dataskyddsombud@malmo.se',
} as const;
