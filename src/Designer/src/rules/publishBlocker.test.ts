import { describe, expect, it } from 'vitest';
import { publishBlocker } from './DryRunPanel';

describe('publishBlocker', () => {
  const ready = { denied: null, draftEtag: 'e1', dirty: false, dryRun: { dryRunId: 'd1', etag: 'e1' } };

  it('allows publishing live only for an admin with a saved draft that was dry-run as it is', () => {
    expect(publishBlocker(ready)).toBeNull();
  });

  it('says first why the permission is missing, then what to do with the draft', () => {
    expect(publishBlocker({ ...ready, denied: 'Publishing live needs the admin permission.' })).toBe('Publishing live needs the admin permission.');
    expect(publishBlocker({ ...ready, draftEtag: null })).toContain('no draft');
    expect(publishBlocker({ ...ready, dirty: true })).toContain('Save the draft');
    expect(publishBlocker({ ...ready, dryRun: null })).toContain('Dry-run the saved draft');
    expect(publishBlocker({ ...ready, dryRun: { dryRunId: null, etag: 'e1' } })).toContain('Dry-run the saved draft');
    expect(publishBlocker({ ...ready, dryRun: { dryRunId: 'd1', etag: 'e0' } })).toContain('changed since the dry run');
  });
});
