// The English tables of texts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { stationZhCN } from './texts';

export const stationEn: typeof stationZhCN = {
  countyStation: {
    notConnected: 'County database not connected',
    hint: 'This is the county station: once connected to the county server (its aggregate database) it reviews the stations’ batches and shows county statistics; the policy parameters and courses edited here go out through it.',
  },
  setup: {
    title: 'First-run setup',
    intro: "Choose this station's county, township or village, and create its administrator account. The administrator can then open accounts for the clerks.",
    place: 'Village / community',
    placePlaceholder: 'City / county / township / village',
    placeRequired: 'Choose down to the village or community',
    admin: 'Administrator account',
    loginName: 'Login name',
    displayName: 'Name',
    password: 'Password',
    confirmPassword: 'Confirm password',
    passwordMismatch: 'The passwords do not match',
    submit: 'Finish setup',
    or: 'or',
    demo: 'Use the demo station',
    demoHint: 'The demo station has made-up residents for trying the app; the data is not real.',
  },
  login: {
    title: 'Log in',
    loginName: 'Login name',
    password: 'Password',
    submit: 'Log in',
    showPassword: 'Show the password',
    hidePassword: 'Hide the password',
    demoCredentials: 'Demo station login: {{loginName}}, password {{password}}',
  },
  fields: {
    placeCode: 'Village / community',
    loginName: 'Login name',
    displayName: 'Name',
    password: 'Password',
  },
};
