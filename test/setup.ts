import nock from 'nock';

// Tests run offline: any request that leaves this machine fails loudly.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);

// Jest runs several test files in one process; each file loads its own nock, which must not find the
// previous file's interceptor still patched into Node's http module (its stubs would then be ignored).
afterAll(() => {
  nock.cleanAll();
  nock.restore();
});
