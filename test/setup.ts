import nock from 'nock';

// Tests run offline: any request that leaves this machine fails loudly.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
