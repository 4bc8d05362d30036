import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/http/plugins/log-redaction.js';

describe('URLs in log lines', () => {
  it('lose secret query values and user-info, and keep the rest', () => {
    expect(redactUrl('/epg/acme.xml?token=abc&days=2')).toBe('/epg/acme.xml?token=***&days=2');
    expect(redactUrl('http://u:p@host/get.php?username=u&password=p&type=m3u_plus')).toBe(
      'http://***@host/get.php?username=***&password=***&type=m3u_plus',
    );
    expect(redactUrl('/api/x?API_KEY=1&Access_Token=2&q=ok')).toBe(
      '/api/x?API_KEY=***&Access_Token=***&q=ok',
    );
    expect(redactUrl('/health/live')).toBe('/health/live');
    expect(redactUrl('/x?%E0%A4%A=1&token')).toBe('/x?%E0%A4%A=1&token');
  });
});
