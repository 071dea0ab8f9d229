import { field, optional } from './forms';

describe('form fields', () => {
  it('send a day typed the Dutch way (no date picker) to the API as the date it means', () => {
    expect(field({ dueDate: '31-05-2026' }, 'dueDate')).toBe('2026-05-31');
    expect(field({ dueDate: '31 mei 2026' }, 'dueDate')).toBe('2026-05-31');
    expect(field({ dueDate: '2026-05-31' }, 'dueDate')).toBe('2026-05-31');
  });

  it('leave other text as typed, trimmed', () => {
    expect(field({ due: ' najaar 2026 ' }, 'due')).toBe('najaar 2026');
    expect(field({ summary: '2 regio’s lopen uit' }, 'summary')).toBe('2 regio’s lopen uit');
    expect(field({}, 'summary')).toBeUndefined();
    expect(optional({ reason: '  ' }, 'reason')).toBeUndefined();
  });
});
