import { isLoopbackUrl } from '../../src/http/loopbackOnly';

describe('isLoopbackUrl', () => {
  it.each([
    'http://127.0.0.1:3978/',
    'http://localhost:56789',
    'https://LOCALHOST/',
    'http://127.1/',
    'http://127.255.0.9/v3',
    'http://0x7f.0.0.1/',
    'http://[::1]:3978/',
    'http://[::ffff:127.0.0.1]/',
  ])('accepts %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([
    'https://smba.trafficmanager.net/teams/',
    'http://10.0.0.1/',
    'http://169.254.169.254/metadata',
    'http://0.0.0.0:3978/',
    'http://[::]/',
    'http://127.0.0.1.nip.io/',
    'http://localhost.attacker.example/',
    'http://127.0.0.1@attacker.example/',
    'http://attacker.example/#@127.0.0.1',
    'file:///etc/passwd',
    'ftp://127.0.0.1/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});
