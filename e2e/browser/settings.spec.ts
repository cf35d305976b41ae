import { expect, test } from './fixtures';

test('settings: test connection shows the agent identity, and a refused login says so', async ({ panel, snap }) => {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  const itop = panel.getByRole('form', { name: 'iTop connection' });
  await expect(itop.getByRole('textbox', { name: 'iTop URL' })).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+/);
  await itop.getByRole('button', { name: 'Test connection' }).click();
  await expect(itop.getByRole('status')).toContainText('Connected as');
  await snap('12-settings-connected');

  await itop.getByRole('textbox', { name: 'Password' }).fill('definitely-wrong');
  await itop.getByRole('button', { name: 'Test connection' }).click();
  await expect(itop.getByRole('alert')).toContainText('Connection failed');

  const cti = panel.getByRole('region', { name: 'CTI bridge' });
  await expect(cti.getByRole('textbox', { name: /3CX/ })).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/call\?/);
});

test('settings: the language switches the whole panel', async ({ panel }) => {
  await panel.getByRole('tab', { name: 'Settings' }).click();
  await panel.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(panel.getByRole('tab', { name: 'Réglages' })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Langue' }).selectOption('en');
  await expect(panel.getByRole('tab', { name: 'Settings' })).toBeVisible();
});
