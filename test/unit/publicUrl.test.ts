import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';
import { linkOriginNotice } from '../../server/http/linkOrigin.ts';

// README, Configuration: PUBLIC_URL is the origin every respondent link is built on, and nothing else.
describe('PUBLIC_URL', () => {
  it('is taken as an origin: http or https, a host and port, nothing after them', () => {
    const publicUrl = (value: string) => loadConfig({ PUBLIC_URL: value }).publicUrl;
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(publicUrl('https://bagalau.example.kz')).toBe('https://bagalau.example.kz');
    expect(publicUrl('https://bagalau.example.kz/')).toBe('https://bagalau.example.kz');
    expect(publicUrl('http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
    expect(publicUrl('HTTPS://Bagalau.Example.KZ:443/')).toBe('https://bagalau.example.kz');
    expect(publicUrl('http://[::1]:8080')).toBe('http://[::1]:8080');
  });

  it('is refused at start, saying what it must be, when anything but an origin: links would be broken or lead elsewhere', () => {
    for (const value of [
      '',
      'bagalau.example.kz',
      'ftp://bagalau.example.kz',
      'javascript:alert(1)',
      'https://bagalau.example.kz/survey',
      'https://bagalau.example.kz/r#',
      'https://bagalau.example.kz?next=1',
      'https://bagalau.example.kz/?',
      'https://bagalau.example.kz#top',
      'https://hr:secret@bagalau.example.kz',
    ]) {
      expect(() => loadConfig({ PUBLIC_URL: value }), value).toThrow(/PUBLIC_URL: an http:\/\/ or https:\/\/ address with no path, query or fragment, e\.g\. https:\/\/bagalau\.example\.kz/);
    }
  });
});

describe('the notice at start', () => {
  it('says, when PUBLIC_URL is unset and the server listens beyond this computer, that links need it and what to set', () => {
    const notice = (env: Record<string, string>) => linkOriginNotice(loadConfig(env));
    expect(notice({})).toContain('PUBLIC_URL is not set, so respondent links cannot be issued to anyone working from another computer');
    expect(notice({})).toContain('at http://localhost:8080');
    expect(notice({})).toContain("e.g. http://<this server's name or address>:8080");
    expect(notice({ HOST: '10.0.0.5', PORT: '9000' })).toContain('e.g. http://10.0.0.5:9000');
    expect(notice({ HOST: 'fd00::5' })).toContain('e.g. http://[fd00::5]:8080');
    // Listening on this computer alone, or with PUBLIC_URL set, there is nothing to say.
    for (const HOST of ['127.0.0.1', 'localhost', '::1']) expect(notice({ HOST })).toBeNull();
    expect(notice({ PUBLIC_URL: 'https://bagalau.example.kz' })).toBeNull();
  });
});
