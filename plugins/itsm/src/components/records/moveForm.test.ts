import {
  makeChange,
  makeIncident,
  makeRequest,
} from '../../__testUtils__/fixtures';
import { RequestState } from '@backstage-itsm/plugin-itsm-common';
import { changeDescriptor } from '../changes/descriptor';
import { incidentDescriptor } from '../incidents/descriptor';
import { requestDescriptor } from '../requests/descriptor';
import { moveForm } from './moveForm';

describe('moveForm', () => {
  describe('incidents', () => {
    const { moves } = incidentDescriptor;
    const incident = makeIncident();

    it('places what resolving misses at its fields, in the form words', () => {
      expect(moveForm(moves, incident, 'resolved').problems({})).toEqual({
        fields: {
          resolutionCode: 'Choose how it was resolved',
          resolutionNotes: 'Describe what was done to resolve it',
        },
        other: [],
      });
    });

    it('requires a comment only when holding for the caller', () => {
      const hold = moveForm(moves, incident, 'on_hold');
      const required = (holdReason: string) =>
        hold.isRequired({ holdReason }, 'comment');
      expect(required('awaiting_vendor')).toBe(false);
      expect(required('awaiting_caller')).toBe(true);
      expect(
        hold.problems({ holdReason: 'awaiting_caller', comment: '  ' }).fields,
      ).toEqual({
        comment:
          'Tell the caller what you need from them: it is sent to the requester',
      });
    });

    it('sends only the fields of the move that are filled in, as typed', () => {
      expect(
        moveForm(moves, incident, 'on_hold').input({
          holdReason: 'awaiting_caller',
          comment: ' Which browser? ',
          resolutionNotes: 'not this move',
        }),
      ).toEqual({
        to: 'on_hold',
        holdReason: 'awaiting_caller',
        comment: ' Which browser? ',
      });
      expect(moveForm(moves, incident, 'in_progress').input({})).toEqual({
        to: 'in_progress',
      });
    });

    it('refuses text beyond its limit', () => {
      expect(
        moveForm(moves, incident, 'in_progress').problems({
          comment: 'x'.repeat(10001),
        }).fields,
      ).toEqual({ comment: 'At most 10000 characters' });
    });

    it('is blocked by nothing its dialog asks for', () => {
      for (const to of ['in_progress', 'on_hold', 'resolved'] as const) {
        expect(moveForm(moves, incident, to).blockers()).toEqual([]);
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
      expect(moveForm(moves, change, 'authorize').blockers()).toEqual([
        'Backout plan is required before authorisation',
        'Test plan is required before authorisation',
      ]);
      expect(moveForm(moves, change, 'closed').blockers()).toEqual([]);
    });

    it('asks for the close code at its field, and the plan above the buttons', () => {
      const change = makeChange({ state: 'review' });
      expect(moveForm(moves, change, 'closed').problems({})).toEqual({
        fields: { closeCode: 'Choose how the change went' },
        other: [],
      });
      expect(
        moveForm(moves, makeChange({ backoutPlan: '' }), 'authorize').problems(
          {},
        ),
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
      const form = (to: RequestState) => moveForm(moves, request, to);
      expect(form('fulfilled').isRequired({}, 'note')).toBe(true);
      expect(form('canceled').isRequired({}, 'note')).toBe(false);
      expect(form('rejected').problems({}).fields).toEqual({
        note: 'Required: why the request cannot be fulfilled',
      });
    });

    it('sends the note trimmed', () => {
      expect(
        moveForm(moves, request, 'fulfilled').input({ note: '  Done  ' }),
      ).toEqual({ to: 'fulfilled', note: 'Done' });
    });
  });
});
