import { describe, expect, it } from 'vitest';
import {
  campaignFieldOf,
  classificationCode,
  codeOfPath,
  formatPoints,
  liveTotals,
  proposalUnitOf,
  type RowForTotals,
  treeMax,
  uncommentedChanges,
} from './helpers.ts';
import { validateCampaignSearch, validateCampaignsSearch } from './search.ts';

const row = (over: Partial<RowForTotals> & { code: string }): RowForTotals => ({
  kind: 'manual',
  maxPoints: 10,
  applies: true,
  computed: null,
  self: { points: null },
  review: { points: null },
  ...over,
});

describe('emulation web helpers', () => {
  it('writes points the Vietnamese way with at most 2 decimals', () => {
    expect(formatPoints(87.5)).toBe('87,5');
    expect(formatPoints(8.333333)).toBe('8,33');
    expect(formatPoints(100)).toBe('100');
    expect(formatPoints(1234.5)).toBe('1.234,5');
    expect(formatPoints(null)).toBe('');
  });

  it('reads the classification from its code or its label', () => {
    expect(classificationCode('good')).toBe('good');
    expect(classificationCode('Hoàn thành xuất sắc')).toBe('excellent');
    expect(classificationCode('?')).toBeNull();
  });

  it('totals the edits on screen by the scoring rules', () => {
    const rows = [
      row({ code: '1.1', kind: 'computed', computed: { points: 7.5 } }),
      row({ code: '4.1', self: { points: 4 } }),
      row({ code: '4.2', review: { points: 2 }, self: { points: 9 } }),
      row({ code: '4.3', applies: false, self: { points: 10 } }),
    ];
    // server's values: 7,5 + 4 + 2 of 30
    expect(liveTotals(rows, null, null)).toMatchObject({ earned: 13.5, max: 30, score: 45 });
    // the unit edits 4.1 to 10; the review of 4.2 still stands
    const self = { '4.1': { points: 10, comment: '' }, '4.2': { points: 10, comment: '' } };
    expect(liveTotals(rows, self, null)).toMatchObject({ earned: 19.5, score: 65, classification: 'done' });
    // the office clears its review of 4.2 and sets 1.1 to full
    const review = { '1.1': { points: 10, comment: 'x' }, '4.2': { points: null, comment: '' } };
    expect(liveTotals(rows, null, review)).toMatchObject({
      earned: 23,
      score: 76.67,
      classification: 'good',
    });
  });

  it('flags reviewed points that differ from the base without a comment', () => {
    const rows = [
      row({ code: '1.1', kind: 'computed', computed: { points: 5 } }),
      row({ code: '4.1', self: { points: 4 } }),
      row({ code: '4.2', self: { points: 3 } }),
      row({ code: '4.3', self: { points: null } }),
    ];
    expect(
      uncommentedChanges(rows, {
        '1.1': { points: 5, comment: '' },
        '4.1': { points: 3, comment: '  ' },
        '4.2': { points: 2, comment: 'Thiếu biên bản' },
        '4.3': { points: 1, comment: '' },
      }),
    ).toEqual(['4.1', '4.3']);
  });

  it('finds the leaf a server problem is about', () => {
    const codes = ['1.1', '4.1', '4.1.1'];
    expect(codeOfPath('scores.1.points', codes, ['1.1', '4.1'])).toBe('4.1');
    expect(codeOfPath('4.1', codes)).toBe('4.1');
    expect(codeOfPath('rows.4.1.1.points', codes)).toBe('4.1.1');
    expect(codeOfPath('criteria.1.1', codes)).toBe('1.1');
    expect(codeOfPath('comment', codes)).toBeNull();
  });

  it('puts campaign problems next to their fields', () => {
    expect(campaignFieldOf('criteria.0.children.2.maxPoints')).toEqual([
      'criteria',
      0,
      'children',
      2,
      'maxPoints',
    ]);
    expect(campaignFieldOf('criteria.1.code')).toEqual(['criteria', 1, 'code']);
    expect(campaignFieldOf('criteria.1.children')).toBeNull();
    expect(campaignFieldOf('criteria')).toBeNull();
    expect(campaignFieldOf('awardLevels.0.requiresFullPoints.1')).toEqual([
      'awardLevels',
      0,
      'requiresFullPoints',
    ]);
    expect(campaignFieldOf('to')).toEqual(['range']);
    expect(campaignFieldOf('participantIds.3')).toEqual(['participantIds']);
    expect(campaignFieldOf('name')).toEqual(['name']);
    expect(campaignFieldOf('whatever')).toBeNull();
    expect(proposalUnitOf('items.1.levelCode', [7, 9])).toBe(9);
    expect(proposalUnitOf('items', [7])).toBeNull();
  });

  it('sums the maximum points of a tree being edited', () => {
    expect(
      treeMax([{ children: [{ maxPoints: 10 }, { maxPoints: 2.5 }, undefined] }, { children: [{}] }]),
    ).toBe(12.5);
  });

  it('keeps only known search values', () => {
    expect(validateCampaignsSearch({ year: '2026', status: 'review', q: ' an toàn ', page: '2' })).toEqual({
      year: 2026,
      status: 'review',
      q: 'an toàn',
      page: 2,
      pageSize: undefined,
    });
    expect(validateCampaignsSearch({ year: '1900', status: 'x' })).toMatchObject({
      year: undefined,
      status: undefined,
    });
    expect(validateCampaignSearch({ tab: 'ranking' })).toEqual({ tab: 'ranking' });
    expect(validateCampaignSearch({ tab: 'participants' })).toEqual({ tab: undefined });
  });
});
