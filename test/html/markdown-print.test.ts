import { describe, expect, it } from 'vitest';
import { markdownToText, renderInline } from '../../src/html/markdown.js';

describe('links that show their own address', () => {
  it('are marked, so print does not repeat the address after them', () => {
    expect(renderInline('see status.example.com')).toContain('class="url">status.example.com</a>');
    expect(renderInline('<https://status.example.com>')).toContain('class="url"');
    expect(renderInline('[status.example.com](https://status.example.com/)')).toContain('class="url"');
    expect(renderInline('[https://www.example.com/a](https://example.com/a)')).toContain('class="url"');
    expect(renderInline('write to ops@example.com')).toContain('class="url"');
  });

  it('are not marked when the text says something else, so print adds the address', () => {
    expect(renderInline('[runbook](https://docs.example.com/runbook)')).not.toContain('class=');
    expect(renderInline('[status.example.com](https://status.example.com/incidents/42)')).not.toContain('class=');
  });
});

describe('inline code', () => {
  it('keeps a token with a hyphen on one line', () => {
    expect(renderInline('the file `C-0000123*.sys`')).toBe('the file <code><span class="nobr">C-0000123*.sys</span></code>');
    expect(renderInline('`payment-gateway.timeout-ms`')).toBe('<code><span class="nobr">payment-gateway.timeout-ms</span></code>');
  });

  it('still breaks between words and after a slash', () => {
    expect(renderInline('`kubectl rollout undo deploy/payment-api`')).toBe(
      '<code>kubectl rollout undo deploy/<span class="nobr">payment-api</span></code>',
    );
  });

  it('leaves a token without a hyphen, and one too long for a line, as it was', () => {
    expect(renderInline('`<script>`')).toBe('<code>&lt;script&gt;</code>');
    const long = `a-${'b'.repeat(60)}`;
    expect(renderInline(`\`${long}\``)).toBe(`<code>${long}</code>`);
  });

  it('reads as the same text', () => {
    expect(markdownToText('the file `C-0000123*.sys` in deploy/payment-api')).toBe('the file C-0000123*.sys in deploy/payment-api');
  });
});
