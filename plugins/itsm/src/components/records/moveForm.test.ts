import {
  makeChange,
  makeIncident,
  makeRequest,
} from '../../__testUtils__/fixtures';
import { changeDescriptor } from '../changes/descriptor';
import { incidentDescriptor } from '../incidents/descriptor';
import { requestDescriptor } from '../requests/descriptor';
import {
  isFieldRequired,
  moveBlockers,
  moveInput,
  moveProblems,
} from './moveForm';

describe('moveForm', () => {
  describe('incidents', () => {
    const { moves } = incidentDescriptor;
    const incident = makeIncident();

    it('places what resolving misses at its fields, in the form words', () => {
      expect(moveProblems(moves, incident, 'resolved', {})).toEqual({
        fields: {
          resolutionCode: 'Choose how it was resolved',
          resolutionNotes: 'Describe what was done to resolve it',
        },
        other: [],
      });
    });

    it('requires a comment only when holding for the caller', () => {
      const required = (holdReason: string) =>
        isFieldRequired(moves, incident, 'on_hold', { holdReason }, 'comment');
      expect(required('awaiting_vendor')).toBe(false);
      expect(required('awaiting_caller')).toBe(true);
      expect(
        moveProblems(moves, incident, 'on_hold', {
          holdReason: 'awaiting_caller',
          comment: '  ',
        }).fields,
      ).toEqual({
        comment:
          'Tell the caller what you need from them: it is sent to the requester',
      });
    });

    it('sends only the fields of the move that are filled in, as typed', () => {
      const fields = moves.fields('on_hold');
      expect(
        moveInput('on_hold', fields, {
          holdReason: 'awaiting_caller',
          comment: ' Which browser? ',
          resolutionNotes: 'not this move',
        }),
      ).toEqual({
        to: 'on_hold',
        holdReason: 'awaiting_caller',
        comment: ' Which browser? ',
      });
      expect(moveInput('in_progress', moves.fields('in_progress'), {})).toEqual(
        { to: 'in_progress' },
      );
    });

    it('refuses text beyond its limit', () => {
      expect(
        moveProblems(moves, incident, 'in_progress', {
          comment: 'x'.repeat(10001),
        }).fields,
      ).toEqual({ comment: 'At most 10000 characters' });
    });

    it('is blocked by nothing its dialog asks for', () => {
      for (const to of ['in_progress', 'on_hold', 'resolved'] as const) {
        expect(moveBlockers(moves, incident, to)).toEqual([]);
      }
    });
  });

  describe('changes', () => {
    const { moves } = changeDescriptor;

    it('names what the plan misses before the dialog opens, but not the close code', () => {
      const change = makeChange({
        state: 'assess',
        backoutPlan: '',
        testPlan: ' ',
      });
      expect(moveBlockers(moves, change, 'authorize')).toEqual([
        'Backout plan is required before authorisation',
        'Test plan is required before authorisation',
      ]);
      expect(moveBlockers(moves, change, 'closed')).toEqual([]);
    });

    it('asks for the close code at its field, and the plan above the buttons', () => {
      const change = makeChange({ state: 'review' });
      expect(moveProblems(moves, change, 'closed', {})).toEqual({
        fields: { closeCode: 'Choose how the change went' },
        other: [],
      });
      expect(
        moveProblems(moves, makeChange({ backoutPlan: '' }), 'authorize', {}),
      ).toEqual({
        fields: {},
        other: ['Backout plan is required before authorisation'],
      });
    });
  });

  describe('service requests', () => {
    const { moves } = requestDescriptor;
    const request = makeRequest({ state: 'in_fulfillment' });

    it('requires a note to fulfil and to reject, with the help as the error', () => {
      expect(isFieldRequired(moves, request, 'fulfilled', {}, 'note')).toBe(
        true,
      );
      expect(isFieldRequired(moves, request, 'canceled', {}, 'note')).toBe(
        false,
      );
      expect(moveProblems(moves, request, 'rejected', {}).fields).toEqual({
        note: 'Required: why the request cannot be fulfilled',
      });
    });

    it('sends the note trimmed', () => {
      expect(
        moveInput('fulfilled', moves.fields('fulfilled'), {
          note: '  Done  ',
        }),
      ).toEqual({ to: 'fulfilled', note: 'Done' });
    });
  });
});
