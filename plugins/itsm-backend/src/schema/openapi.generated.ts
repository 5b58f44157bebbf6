// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "itsm",
    "version": "1",
    "description": "ITSM records (incidents, changes, service requests and problems) on Backstage catalog entities.\nErrors use Backstage's error body `{ error: { name, message }, response: { statusCode } }`:\nbad input 400 naming the field, unknown ids 404, forbidden acts 403, stale versions and\nillegal transitions 409.\n",
    "license": {
      "name": "Apache-2.0"
    }
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "components": {
    "parameters": {
      "recordId": {
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The record's uuid or its number (INC-000123).",
        "schema": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64
        }
      },
      "entityRefFilter": {
        "name": "entityRef",
        "in": "query",
        "allowReserved": true,
        "description": "Records whose primary or affected CIs include this entity.",
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "openFilter": {
        "name": "open",
        "in": "query",
        "allowReserved": true,
        "description": "Only records whose state still needs work (ignored when state is given).",
        "schema": {
          "type": "boolean"
        }
      },
      "assigneeFilter": {
        "name": "assignee",
        "in": "query",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "requesterFilter": {
        "name": "requester",
        "in": "query",
        "allowReserved": true,
        "schema": {
          "type": "string",
          "maxLength": 255
        }
      },
      "assignmentGroupFilter": {
        "name": "assignmentGroup",
        "in": "query",
        "allowReserved": true,
        "style": "form",
        "explode": true,
        "schema": {
          "type": "array",
          "maxItems": 100,
          "items": {
            "type": "string",
            "maxLength": 255
          }
        }
      },
      "textFilter": {
        "name": "q",
        "in": "query",
        "allowReserved": true,
        "description": "Text in the title or number; ASCII letters match in either case, other characters as written.",
        "schema": {
          "type": "string",
          "maxLength": 200
        }
      },
      "limit": {
        "name": "limit",
        "in": "query",
        "allowReserved": true,
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 200
        }
      },
      "cursor": {
        "name": "cursor",
        "in": "query",
        "allowReserved": true,
        "description": "The nextCursor of the previous page.",
        "schema": {
          "type": "string",
          "maxLength": 500
        }
      }
    },
    "schemas": {
      "EntityRef": {
        "type": "string",
        "description": "A full catalog entity ref, kind:namespace/name.",
        "minLength": 3,
        "maxLength": 255
      },
      "Level": {
        "type": "integer",
        "enum": [
          1,
          2,
          3
        ],
        "description": "1 high, 2 medium, 3 low."
      },
      "Priority": {
        "type": "string",
        "enum": [
          "P1",
          "P2",
          "P3",
          "P4",
          "P5"
        ]
      },
      "IncidentState": {
        "type": "string",
        "enum": [
          "new",
          "in_progress",
          "on_hold",
          "resolved",
          "closed",
          "canceled"
        ]
      },
      "HoldReason": {
        "type": "string",
        "enum": [
          "awaiting_caller",
          "awaiting_change",
          "awaiting_problem",
          "awaiting_vendor"
        ]
      },
      "ResolutionCode": {
        "type": "string",
        "enum": [
          "fixed",
          "workaround",
          "duplicate",
          "not_reproducible",
          "no_fault_found",
          "resolved_by_change"
        ]
      },
      "Incident": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "number",
          "kind",
          "title",
          "description",
          "state",
          "entityRef",
          "affectedEntityRefs",
          "requester",
          "assignee",
          "assignmentGroup",
          "priority",
          "createdAt",
          "updatedAt",
          "version",
          "impact",
          "urgency",
          "holdReason",
          "resolutionCode",
          "resolutionNotes",
          "acknowledgedAt",
          "resolvedAt",
          "closedAt",
          "causedByChange",
          "problem",
          "major",
          "parent"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "incident"
            ]
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/IncidentState"
          },
          "entityRef": {
            "type": "string"
          },
          "affectedEntityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "requester": {
            "type": "string"
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "assignmentGroup": {
            "type": [
              "string",
              "null"
            ]
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "createdAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "impact": {
            "$ref": "#/components/schemas/Level"
          },
          "urgency": {
            "$ref": "#/components/schemas/Level"
          },
          "holdReason": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/HoldReason"
              },
              {
                "type": "null"
              }
            ]
          },
          "resolutionCode": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ResolutionCode"
              },
              {
                "type": "null"
              }
            ]
          },
          "resolutionNotes": {
            "type": [
              "string",
              "null"
            ]
          },
          "acknowledgedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "resolvedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "closedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "causedByChange": {
            "type": [
              "string",
              "null"
            ],
            "description": "Number of the change that caused the incident."
          },
          "problem": {
            "type": [
              "string",
              "null"
            ],
            "description": "Number of the problem behind the incident."
          },
          "major": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/MajorIncident"
              },
              {
                "type": "null"
              }
            ]
          },
          "parent": {
            "type": [
              "string",
              "null"
            ],
            "description": "Number of the major incident this one is a child of."
          }
        }
      },
      "MajorIncident": {
        "type": "object",
        "additionalProperties": false,
        "description": "A proposal to run the incident as a major incident, and its decision.",
        "required": [
          "state",
          "reason",
          "proposedBy",
          "proposedAt",
          "decidedBy",
          "decidedAt",
          "decisionNote"
        ],
        "properties": {
          "state": {
            "type": "string",
            "enum": [
              "proposed",
              "accepted",
              "rejected"
            ]
          },
          "reason": {
            "type": "string",
            "description": "Why it was proposed."
          },
          "proposedBy": {
            "type": "string"
          },
          "proposedAt": {
            "type": "string"
          },
          "decidedBy": {
            "type": [
              "string",
              "null"
            ]
          },
          "decidedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "decisionNote": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "MajorIncidentDecision": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "action",
          "reason"
        ],
        "properties": {
          "action": {
            "type": "string",
            "enum": [
              "propose",
              "accept",
              "reject"
            ],
            "description": "Anyone who may work the incident proposes; a member of the major-incident group other than the proposer accepts or rejects."
          },
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 10000
          }
        }
      },
      "StakeholderUpdate": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "body"
        ],
        "properties": {
          "body": {
            "type": "string",
            "minLength": 1,
            "maxLength": 10000
          }
        }
      },
      "MajorIncidentBanners": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/MajorIncidentBanner"
            }
          }
        }
      },
      "MajorIncidentBanner": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "number",
          "title",
          "state",
          "priority",
          "entityRef",
          "acceptedAt",
          "childCount",
          "latestUpdate"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/IncidentState"
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "entityRef": {
            "type": "string"
          },
          "acceptedAt": {
            "type": "string"
          },
          "childCount": {
            "type": "integer"
          },
          "latestUpdate": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "body",
                  "at",
                  "actor"
                ],
                "properties": {
                  "body": {
                    "type": "string"
                  },
                  "at": {
                    "type": "string"
                  },
                  "actor": {
                    "type": "string"
                  }
                }
              }
            ]
          }
        }
      },
      "IncidentPage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Incident"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        }
      },
      "CreateIncident": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "title",
          "entityRef",
          "impact",
          "urgency"
        ],
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "affectedEntityRefs": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "impact": {
            "$ref": "#/components/schemas/Level"
          },
          "urgency": {
            "$ref": "#/components/schemas/Level"
          },
          "assignee": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "assignmentGroup": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "problem": {
            "description": "Attaches the incident to this problem (id or number), e.g. a known error it matches.",
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          }
        }
      },
      "UpdateIncident": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          },
          "affectedEntityRefs": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "impact": {
            "$ref": "#/components/schemas/Level"
          },
          "urgency": {
            "$ref": "#/components/schemas/Level"
          },
          "assignee": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/EntityRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "assignmentGroup": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "causedByChange": {
            "description": "The id or number of the change that caused the incident; null unlinks.",
            "oneOf": [
              {
                "type": "string",
                "minLength": 1,
                "maxLength": 64
              },
              {
                "type": "null"
              }
            ]
          },
          "problem": {
            "description": "The id or number of the problem behind the incident; null unlinks.",
            "oneOf": [
              {
                "type": "string",
                "minLength": 1,
                "maxLength": 64
              },
              {
                "type": "null"
              }
            ]
          }
        }
      },
      "IncidentTransition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version",
          "to"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "to": {
            "$ref": "#/components/schemas/IncidentState"
          },
          "holdReason": {
            "$ref": "#/components/schemas/HoldReason"
          },
          "resolutionCode": {
            "$ref": "#/components/schemas/ResolutionCode"
          },
          "resolutionNotes": {
            "type": "string",
            "maxLength": 10000
          },
          "comment": {
            "type": "string",
            "maxLength": 10000
          },
          "resolveChildren": {
            "type": "boolean",
            "description": "Resolving a major incident, resolve its open child incidents with its code and notes (one transaction)."
          }
        }
      },
      "NewComment": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "body",
          "visibility"
        ],
        "properties": {
          "body": {
            "type": "string",
            "minLength": 1,
            "maxLength": 10000
          },
          "visibility": {
            "type": "string",
            "enum": [
              "comment",
              "work_note"
            ]
          }
        }
      },
      "TimelineEntry": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "recordId",
          "seq",
          "type",
          "actor",
          "at"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "recordId": {
            "type": "string"
          },
          "seq": {
            "type": "integer"
          },
          "type": {
            "type": "string",
            "enum": [
              "created",
              "field_changed",
              "state_changed",
              "comment",
              "work_note",
              "approval_requested",
              "approval_decided",
              "link_added",
              "link_removed",
              "workaround",
              "sla_warning",
              "sla_breached",
              "alert",
              "stakeholder_update",
              "gate_check"
            ]
          },
          "actor": {
            "type": "string"
          },
          "at": {
            "type": "string"
          },
          "body": {
            "type": "string"
          },
          "changes": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "field"
              ],
              "properties": {
                "field": {
                  "type": "string"
                },
                "from": {},
                "to": {}
              }
            }
          },
          "fromState": {
            "type": "string"
          },
          "toState": {
            "type": "string"
          },
          "link": {
            "description": "The other record the entry tells of; left out (with the entry's text) for a reader who may not read it.",
            "type": "object",
            "additionalProperties": false,
            "required": [
              "kind",
              "number"
            ],
            "properties": {
              "kind": {
                "$ref": "#/components/schemas/RecordKind"
              },
              "number": {
                "type": "string"
              }
            }
          }
        }
      },
      "Timeline": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/TimelineEntry"
            }
          }
        }
      },
      "ChangeType": {
        "type": "string",
        "enum": [
          "standard",
          "normal",
          "emergency"
        ]
      },
      "ChangeRisk": {
        "type": "string",
        "enum": [
          "low",
          "moderate",
          "high"
        ]
      },
      "ChangeState": {
        "type": "string",
        "enum": [
          "draft",
          "assess",
          "authorize",
          "scheduled",
          "implement",
          "review",
          "closed",
          "canceled"
        ]
      },
      "ChangeCloseCode": {
        "type": "string",
        "enum": [
          "successful",
          "successful_with_issues",
          "unsuccessful",
          "backed_out"
        ]
      },
      "DateTime": {
        "type": "string",
        "format": "date-time",
        "maxLength": 64,
        "description": "An RFC 3339 date-time with an offset, e.g. 2026-11-24T22:00:00Z, on a real calendar day (2026-02-30 is a 400), in the years 0001–9999."
      },
      "Change": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "number",
          "kind",
          "title",
          "description",
          "state",
          "entityRef",
          "affectedEntityRefs",
          "requester",
          "assignee",
          "assignmentGroup",
          "priority",
          "createdAt",
          "updatedAt",
          "version",
          "type",
          "risk",
          "plannedStart",
          "plannedEnd",
          "implementationPlan",
          "backoutPlan",
          "testPlan",
          "actualStart",
          "actualEnd",
          "closeCode",
          "closeNotes",
          "problem"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "change"
            ]
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/ChangeState"
          },
          "entityRef": {
            "type": "string"
          },
          "affectedEntityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "requester": {
            "type": "string"
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "assignmentGroup": {
            "type": [
              "string",
              "null"
            ]
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "createdAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "type": {
            "$ref": "#/components/schemas/ChangeType"
          },
          "risk": {
            "$ref": "#/components/schemas/ChangeRisk"
          },
          "plannedStart": {
            "type": [
              "string",
              "null"
            ]
          },
          "plannedEnd": {
            "type": [
              "string",
              "null"
            ]
          },
          "implementationPlan": {
            "type": "string"
          },
          "backoutPlan": {
            "type": "string"
          },
          "testPlan": {
            "type": "string"
          },
          "actualStart": {
            "type": [
              "string",
              "null"
            ]
          },
          "actualEnd": {
            "type": [
              "string",
              "null"
            ]
          },
          "closeCode": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ChangeCloseCode"
              },
              {
                "type": "null"
              }
            ]
          },
          "closeNotes": {
            "type": [
              "string",
              "null"
            ]
          },
          "problem": {
            "type": [
              "string",
              "null"
            ],
            "description": "Number of the problem this change is raised to fix."
          }
        }
      },
      "ChangePage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Change"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        }
      },
      "CreateChange": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "title",
          "entityRef",
          "type",
          "risk"
        ],
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "affectedEntityRefs": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "type": {
            "$ref": "#/components/schemas/ChangeType"
          },
          "risk": {
            "$ref": "#/components/schemas/ChangeRisk"
          },
          "plannedStart": {
            "$ref": "#/components/schemas/DateTime"
          },
          "plannedEnd": {
            "$ref": "#/components/schemas/DateTime"
          },
          "implementationPlan": {
            "type": "string",
            "maxLength": 20000
          },
          "backoutPlan": {
            "type": "string",
            "maxLength": 20000
          },
          "testPlan": {
            "type": "string",
            "maxLength": 20000
          },
          "assignee": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "assignmentGroup": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "problem": {
            "description": "The problem (id or number) this change is raised to fix.",
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          }
        }
      },
      "UpdateChange": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          },
          "affectedEntityRefs": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "type": {
            "$ref": "#/components/schemas/ChangeType"
          },
          "risk": {
            "$ref": "#/components/schemas/ChangeRisk"
          },
          "plannedStart": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/DateTime"
              },
              {
                "type": "null"
              }
            ]
          },
          "plannedEnd": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/DateTime"
              },
              {
                "type": "null"
              }
            ]
          },
          "implementationPlan": {
            "type": "string",
            "maxLength": 20000
          },
          "backoutPlan": {
            "type": "string",
            "maxLength": 20000
          },
          "testPlan": {
            "type": "string",
            "maxLength": 20000
          },
          "assignee": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/EntityRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "assignmentGroup": {
            "$ref": "#/components/schemas/EntityRef"
          }
        }
      },
      "ChangeTransition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version",
          "to"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "to": {
            "$ref": "#/components/schemas/ChangeState"
          },
          "closeCode": {
            "$ref": "#/components/schemas/ChangeCloseCode"
          },
          "closeNotes": {
            "type": "string",
            "maxLength": 10000
          },
          "comment": {
            "type": "string",
            "maxLength": 10000
          }
        }
      },
      "ApprovalStep": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "recordId",
          "round",
          "stage",
          "stageName",
          "eligibleGroups",
          "reason",
          "state",
          "decidedBy",
          "decidedAt",
          "comment",
          "createdAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "recordId": {
            "type": "string"
          },
          "round": {
            "type": "integer"
          },
          "stage": {
            "type": "integer"
          },
          "stageName": {
            "type": "string"
          },
          "eligibleGroups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "reason": {
            "type": "string"
          },
          "state": {
            "type": "string",
            "enum": [
              "waiting",
              "pending",
              "approved",
              "rejected",
              "canceled"
            ]
          },
          "decidedBy": {
            "type": [
              "string",
              "null"
            ]
          },
          "decidedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "comment": {
            "type": [
              "string",
              "null"
            ]
          },
          "createdAt": {
            "type": "string"
          }
        }
      },
      "ApprovalSteps": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ApprovalStep"
            }
          }
        }
      },
      "DecideApproval": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "stepId",
          "decision"
        ],
        "properties": {
          "stepId": {
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          },
          "decision": {
            "type": "string",
            "enum": [
              "approved",
              "rejected"
            ]
          },
          "comment": {
            "type": "string",
            "maxLength": 10000
          }
        }
      },
      "ApprovalQueue": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "step",
                "record"
              ],
              "properties": {
                "step": {
                  "$ref": "#/components/schemas/ApprovalStep"
                },
                "record": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "id",
                    "number",
                    "kind",
                    "title",
                    "state",
                    "requester",
                    "entityRef"
                  ],
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "number": {
                      "type": "string"
                    },
                    "kind": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "state": {
                      "type": "string"
                    },
                    "requester": {
                      "type": "string"
                    },
                    "entityRef": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        }
      },
      "FreezeWindow": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "name",
          "start",
          "end"
        ],
        "properties": {
          "name": {
            "type": "string"
          },
          "start": {
            "type": "string"
          },
          "end": {
            "type": "string"
          },
          "entityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "systems": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "domains": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ChangeConflicts": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "conflicts",
          "freezes"
        ],
        "properties": {
          "conflicts": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "change",
                "entityRefs",
                "reason"
              ],
              "properties": {
                "change": {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "id",
                    "number",
                    "title",
                    "state",
                    "plannedStart",
                    "plannedEnd",
                    "entityRef"
                  ],
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "number": {
                      "type": "string"
                    },
                    "title": {
                      "type": "string"
                    },
                    "state": {
                      "$ref": "#/components/schemas/ChangeState"
                    },
                    "plannedStart": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "plannedEnd": {
                      "type": [
                        "string",
                        "null"
                      ]
                    },
                    "entityRef": {
                      "type": "string"
                    }
                  }
                },
                "entityRefs": {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                },
                "reason": {
                  "type": "string"
                }
              }
            }
          },
          "freezes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FreezeWindow"
            }
          }
        }
      },
      "LinkedIncidents": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "id",
                "number",
                "title",
                "state",
                "priority"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "number": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "state": {
                  "type": "string"
                },
                "priority": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "ChangeCalendar": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "changes",
          "freezes"
        ],
        "properties": {
          "changes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Change"
            }
          },
          "freezes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/FreezeWindow"
            }
          }
        }
      },
      "RequestState": {
        "type": "string",
        "enum": [
          "submitted",
          "awaiting_approval",
          "approved",
          "in_fulfillment",
          "fulfilled",
          "rejected",
          "canceled"
        ]
      },
      "ServiceRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "number",
          "kind",
          "title",
          "description",
          "state",
          "entityRef",
          "affectedEntityRefs",
          "requester",
          "assignee",
          "assignmentGroup",
          "priority",
          "createdAt",
          "updatedAt",
          "version",
          "offeringRef",
          "offeringTitle",
          "parameters",
          "dueAt",
          "fulfillmentTarget",
          "fulfilledAt",
          "resolutionNote"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "request"
            ]
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/RequestState"
          },
          "entityRef": {
            "type": "string"
          },
          "affectedEntityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "requester": {
            "type": "string"
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "assignmentGroup": {
            "type": [
              "string",
              "null"
            ]
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "createdAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "offeringRef": {
            "type": "string"
          },
          "offeringTitle": {
            "type": "string"
          },
          "parameters": {
            "type": "object"
          },
          "dueAt": {
            "type": "string"
          },
          "fulfillmentTarget": {
            "type": "string"
          },
          "fulfilledAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "resolutionNote": {
            "type": [
              "string",
              "null"
            ]
          }
        }
      },
      "ServiceRequestPage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ServiceRequest"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        }
      },
      "CreateServiceRequest": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "offeringRef",
          "parameters"
        ],
        "properties": {
          "offeringRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "parameters": {
            "type": "object",
            "description": "Validated against the offering's JSON Schema."
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          }
        }
      },
      "RequestTransition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version",
          "to"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "to": {
            "$ref": "#/components/schemas/RequestState"
          },
          "note": {
            "type": "string",
            "maxLength": 10000
          }
        }
      },
      "RecordKind": {
        "type": "string",
        "enum": [
          "incident",
          "change",
          "request",
          "problem"
        ]
      },
      "SearchDocumentSource": {
        "type": "object",
        "description": "What Backstage search indexes of a record.",
        "required": [
          "id",
          "kind",
          "number",
          "title",
          "description",
          "state",
          "priority",
          "entityRefs",
          "createdAt",
          "updatedAt"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "kind": {
            "$ref": "#/components/schemas/RecordKind"
          },
          "number": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "entityRefs": {
            "type": "array",
            "description": "The record's CIs, its primary CI first.",
            "items": {
              "type": "string"
            }
          },
          "assignmentGroup": {
            "type": "string"
          },
          "createdAt": {
            "type": "string",
            "format": "date-time"
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "GateDecision": {
        "type": "object",
        "required": [
          "entityRef",
          "allowed",
          "reason",
          "message",
          "checkedAt"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "allowed": {
            "type": "boolean"
          },
          "reason": {
            "type": "string",
            "enum": [
              "change_in_implementation",
              "change_window_open",
              "no_change_required",
              "freeze",
              "window_not_open",
              "window_over",
              "no_approved_change"
            ]
          },
          "message": {
            "type": "string"
          },
          "change": {
            "type": "object",
            "required": [
              "number",
              "state",
              "type"
            ],
            "properties": {
              "number": {
                "type": "string"
              },
              "state": {
                "type": "string"
              },
              "type": {
                "type": "string"
              },
              "plannedStart": {
                "type": "string"
              },
              "plannedEnd": {
                "type": "string"
              }
            }
          },
          "freeze": {
            "type": "object",
            "required": [
              "name",
              "start",
              "end"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "start": {
                "type": "string"
              },
              "end": {
                "type": "string"
              }
            }
          },
          "checkedAt": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "SearchDocumentPage": {
        "type": "object",
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SearchDocumentSource"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        }
      },
      "ProblemState": {
        "type": "string",
        "enum": [
          "new",
          "assess",
          "root_cause_analysis",
          "fix_in_progress",
          "resolved",
          "closed",
          "canceled"
        ]
      },
      "ProblemResolutionCode": {
        "type": "string",
        "enum": [
          "fixed",
          "risk_accepted",
          "duplicate",
          "canceled"
        ]
      },
      "Problem": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "number",
          "kind",
          "title",
          "description",
          "state",
          "entityRef",
          "affectedEntityRefs",
          "requester",
          "assignee",
          "assignmentGroup",
          "priority",
          "createdAt",
          "updatedAt",
          "version",
          "impact",
          "urgency",
          "symptoms",
          "rootCause",
          "workaround",
          "knownError",
          "knownErrorAt",
          "resolutionCode",
          "resolutionNotes",
          "resolvedAt",
          "closedAt",
          "incidentCount"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "problem"
            ]
          },
          "title": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/ProblemState"
          },
          "entityRef": {
            "type": "string"
          },
          "affectedEntityRefs": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "requester": {
            "type": "string"
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "assignmentGroup": {
            "type": [
              "string",
              "null"
            ]
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "createdAt": {
            "type": "string"
          },
          "updatedAt": {
            "type": "string"
          },
          "version": {
            "type": "integer"
          },
          "impact": {
            "$ref": "#/components/schemas/Level"
          },
          "urgency": {
            "$ref": "#/components/schemas/Level"
          },
          "symptoms": {
            "type": "string"
          },
          "rootCause": {
            "type": [
              "string",
              "null"
            ]
          },
          "workaround": {
            "type": [
              "string",
              "null"
            ]
          },
          "knownError": {
            "type": "boolean"
          },
          "knownErrorAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "resolutionCode": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/ProblemResolutionCode"
              },
              {
                "type": "null"
              }
            ]
          },
          "resolutionNotes": {
            "type": [
              "string",
              "null"
            ]
          },
          "resolvedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "closedAt": {
            "type": [
              "string",
              "null"
            ]
          },
          "incidentCount": {
            "type": "integer"
          }
        }
      },
      "ProblemPage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Problem"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        }
      },
      "CreateProblem": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "title",
          "entityRef",
          "impact",
          "urgency"
        ],
        "properties": {
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "affectedEntityRefs": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "impact": {
            "$ref": "#/components/schemas/Level"
          },
          "urgency": {
            "$ref": "#/components/schemas/Level"
          },
          "symptoms": {
            "type": "string",
            "maxLength": 20000
          },
          "assignee": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "assignmentGroup": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "incidents": {
            "description": "Incidents (ids or numbers) to link at once.",
            "type": "array",
            "maxItems": 200,
            "items": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        }
      },
      "UpdateProblem": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": {
            "type": "string",
            "maxLength": 20000
          },
          "affectedEntityRefs": {
            "type": "array",
            "maxItems": 50,
            "items": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          "impact": {
            "$ref": "#/components/schemas/Level"
          },
          "urgency": {
            "$ref": "#/components/schemas/Level"
          },
          "assignee": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/EntityRef"
              },
              {
                "type": "null"
              }
            ]
          },
          "assignmentGroup": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "symptoms": {
            "type": "string",
            "maxLength": 20000
          },
          "rootCause": {
            "oneOf": [
              {
                "type": "string",
                "maxLength": 20000
              },
              {
                "type": "null"
              }
            ]
          },
          "workaround": {
            "description": "Setting or changing it adds it to the timeline of every open linked incident.",
            "oneOf": [
              {
                "type": "string",
                "maxLength": 20000
              },
              {
                "type": "null"
              }
            ]
          },
          "knownError": {
            "type": "boolean",
            "description": "Publishes (true) or withdraws (false) the known error; needs rootCause and workaround."
          }
        }
      },
      "ProblemTransition": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "version",
          "to"
        ],
        "properties": {
          "version": {
            "type": "integer",
            "minimum": 1,
            "maximum": 2147483647
          },
          "to": {
            "$ref": "#/components/schemas/ProblemState"
          },
          "resolutionCode": {
            "$ref": "#/components/schemas/ProblemResolutionCode"
          },
          "resolutionNotes": {
            "type": "string",
            "maxLength": 10000
          },
          "comment": {
            "type": "string",
            "maxLength": 10000
          }
        }
      },
      "LinkIncident": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "incident"
        ],
        "properties": {
          "incident": {
            "description": "The incident's id or number.",
            "type": "string",
            "minLength": 1,
            "maxLength": 64
          }
        }
      },
      "LinkedChanges": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "id",
                "number",
                "title",
                "state",
                "closeCode"
              ],
              "properties": {
                "id": {
                  "type": "string"
                },
                "number": {
                  "type": "string"
                },
                "title": {
                  "type": "string"
                },
                "state": {
                  "type": "string"
                },
                "closeCode": {
                  "type": [
                    "string",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "KnownError": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "number",
          "title",
          "state",
          "entityRef",
          "symptoms",
          "rootCause",
          "workaround",
          "knownErrorAt",
          "matchedEntityRef"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "state": {
            "$ref": "#/components/schemas/ProblemState"
          },
          "entityRef": {
            "type": "string"
          },
          "symptoms": {
            "type": "string"
          },
          "rootCause": {
            "type": "string"
          },
          "workaround": {
            "type": "string"
          },
          "knownErrorAt": {
            "type": "string"
          },
          "matchedEntityRef": {
            "type": "string",
            "description": "The CI it was found through (the one asked for, or one it depends on)."
          }
        }
      },
      "KnownErrors": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/KnownError"
            }
          }
        }
      },
      "ProblemCandidate": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "incidentCount",
          "incidents",
          "firstAt",
          "lastAt"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "incidentCount": {
            "type": "integer"
          },
          "incidents": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "firstAt": {
            "type": "string"
          },
          "lastAt": {
            "type": "string"
          }
        }
      },
      "ProblemKpis": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "openProblems",
          "knownErrors",
          "incidents",
          "linkedIncidentShare",
          "medianOpenAgeMs",
          "days"
        ],
        "properties": {
          "openProblems": {
            "type": "integer"
          },
          "knownErrors": {
            "type": "integer"
          },
          "incidents": {
            "type": "integer"
          },
          "linkedIncidentShare": {
            "type": [
              "number",
              "null"
            ]
          },
          "medianOpenAgeMs": {
            "type": [
              "integer",
              "null"
            ]
          },
          "days": {
            "type": "integer"
          }
        }
      },
      "CountsByKind": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "incident",
          "change",
          "request",
          "problem"
        ],
        "properties": {
          "incident": {
            "type": "integer"
          },
          "change": {
            "type": "integer"
          },
          "request": {
            "type": "integer"
          },
          "problem": {
            "type": "integer"
          }
        }
      },
      "ImpactStep": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "relation",
          "entityRef"
        ],
        "properties": {
          "relation": {
            "type": "string",
            "enum": [
              "dependencyOf",
              "partOf",
              "providesApi",
              "apiConsumedBy"
            ]
          },
          "entityRef": {
            "type": "string"
          }
        }
      },
      "ImpactedEntity": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "entityRef",
          "kind",
          "origin",
          "path"
        ],
        "properties": {
          "entityRef": {
            "type": "string"
          },
          "kind": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "owner": {
            "type": "string"
          },
          "tier": {
            "type": "string"
          },
          "system": {
            "type": "string"
          },
          "origin": {
            "type": "string",
            "description": "The record's CI it is impacted through."
          },
          "path": {
            "type": "array",
            "description": "The steps from the origin to the entity (shortest way).",
            "items": {
              "$ref": "#/components/schemas/ImpactStep"
            }
          }
        }
      },
      "BlastRadius": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "cis",
          "impacted",
          "truncated",
          "limits"
        ],
        "properties": {
          "cis": {
            "type": "array",
            "description": "The record's own CIs, as the reporter named them.",
            "items": {
              "type": "string"
            }
          },
          "impacted": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ImpactedEntity"
            }
          },
          "truncated": {
            "type": "boolean"
          },
          "limits": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "maxDepth",
              "maxEntities"
            ],
            "properties": {
              "maxDepth": {
                "type": "integer"
              },
              "maxEntities": {
                "type": "integer"
              }
            }
          }
        }
      },
      "AlertLabels": {
        "type": "object",
        "description": "Label or annotation names to values (Prometheus label names hold no dots or slashes).",
        "additionalProperties": {
          "type": "string",
          "maxLength": 4096
        }
      },
      "AlertmanagerAlert": {
        "type": "object",
        "required": [
          "status",
          "labels",
          "fingerprint"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "firing",
              "resolved"
            ]
          },
          "labels": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "annotations": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "startsAt": {
            "type": "string",
            "maxLength": 64
          },
          "endsAt": {
            "type": "string",
            "maxLength": 64
          },
          "generatorURL": {
            "type": "string",
            "maxLength": 4096
          },
          "fingerprint": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          }
        }
      },
      "AlertmanagerPayload": {
        "type": "object",
        "description": "A Prometheus Alertmanager webhook (webhook_config), payload version 4.",
        "required": [
          "version",
          "status",
          "alerts"
        ],
        "properties": {
          "version": {
            "type": "string",
            "enum": [
              "4"
            ]
          },
          "groupKey": {
            "type": "string",
            "maxLength": 4096
          },
          "truncatedAlerts": {
            "type": "integer",
            "minimum": 0,
            "maximum": 2147483647
          },
          "status": {
            "type": "string",
            "enum": [
              "firing",
              "resolved"
            ]
          },
          "receiver": {
            "type": "string",
            "maxLength": 255
          },
          "groupLabels": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "commonLabels": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "commonAnnotations": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "externalURL": {
            "type": "string",
            "maxLength": 4096
          },
          "alerts": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/AlertmanagerAlert"
            }
          }
        }
      },
      "GrafanaAlert": {
        "type": "object",
        "required": [
          "status",
          "labels",
          "fingerprint"
        ],
        "properties": {
          "status": {
            "type": "string",
            "enum": [
              "firing",
              "resolved"
            ]
          },
          "labels": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "annotations": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "startsAt": {
            "type": "string",
            "maxLength": 64
          },
          "endsAt": {
            "type": "string",
            "maxLength": 64
          },
          "generatorURL": {
            "type": "string",
            "maxLength": 4096
          },
          "fingerprint": {
            "type": "string",
            "minLength": 1,
            "maxLength": 255
          },
          "values": {
            "type": "object",
            "nullable": true,
            "additionalProperties": {
              "type": "number"
            }
          },
          "valueString": {
            "type": "string",
            "maxLength": 4096
          },
          "silenceURL": {
            "type": "string",
            "maxLength": 4096
          },
          "dashboardURL": {
            "type": "string",
            "maxLength": 4096
          },
          "panelURL": {
            "type": "string",
            "maxLength": 4096
          },
          "imageURL": {
            "type": "string",
            "maxLength": 4096
          }
        }
      },
      "GrafanaPayload": {
        "type": "object",
        "description": "A Grafana alerting webhook (contact point of type webhook).",
        "required": [
          "status",
          "alerts"
        ],
        "properties": {
          "version": {
            "type": "string",
            "maxLength": 16
          },
          "groupKey": {
            "type": "string",
            "maxLength": 4096
          },
          "truncatedAlerts": {
            "type": "integer",
            "minimum": 0,
            "maximum": 2147483647
          },
          "status": {
            "type": "string",
            "enum": [
              "firing",
              "resolved"
            ]
          },
          "receiver": {
            "type": "string",
            "maxLength": 255
          },
          "groupLabels": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "commonLabels": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "commonAnnotations": {
            "$ref": "#/components/schemas/AlertLabels"
          },
          "externalURL": {
            "type": "string",
            "maxLength": 4096
          },
          "orgId": {
            "type": "integer",
            "minimum": 0,
            "maximum": 2147483647
          },
          "title": {
            "type": "string",
            "maxLength": 4096
          },
          "state": {
            "type": "string",
            "maxLength": 64
          },
          "message": {
            "type": "string",
            "maxLength": 20000
          },
          "alerts": {
            "type": "array",
            "maxItems": 1000,
            "items": {
              "$ref": "#/components/schemas/GrafanaAlert"
            }
          }
        }
      },
      "AlertOutcome": {
        "type": "string",
        "description": "What became of one alert: created (a new incident), updated (added to the open\nincident with its fingerprint), resolved (the alert resolved; the incident too when\nconfigured and all its alerts are), unknown_entity / no_entity (no incident: its\nentity is not in the catalog, or no label names one), no_incident (a resolved\nalert without an open incident).\n",
        "enum": [
          "created",
          "updated",
          "resolved",
          "unknown_entity",
          "no_entity",
          "no_incident"
        ]
      },
      "AlertResult": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "fingerprint",
          "status",
          "outcome"
        ],
        "properties": {
          "fingerprint": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "firing",
              "resolved"
            ]
          },
          "outcome": {
            "$ref": "#/components/schemas/AlertOutcome"
          },
          "entityRef": {
            "type": "string"
          },
          "incident": {
            "type": "string",
            "description": "The incident number, e.g. INC-000042."
          },
          "incidentResolved": {
            "type": "boolean"
          },
          "reason": {
            "type": "string"
          }
        }
      },
      "AlertResults": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "results"
        ],
        "properties": {
          "results": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AlertResult"
            }
          }
        }
      },
      "MyWork": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "assignedToMe",
          "myGroups",
          "awaitingMyApproval",
          "toFulfil",
          "breachingSoon",
          "horizonHours",
          "groups"
        ],
        "properties": {
          "assignedToMe": {
            "$ref": "#/components/schemas/CountsByKind"
          },
          "myGroups": {
            "$ref": "#/components/schemas/CountsByKind"
          },
          "awaitingMyApproval": {
            "type": "integer"
          },
          "toFulfil": {
            "type": "integer"
          },
          "breachingSoon": {
            "type": "integer"
          },
          "horizonHours": {
            "type": "integer"
          },
          "groups": {
            "type": "array",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ProblemCandidates": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items",
          "minIncidents",
          "days"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ProblemCandidate"
            }
          },
          "minIncidents": {
            "type": "integer"
          },
          "days": {
            "type": "integer"
          }
        }
      },
      "SlaMetric": {
        "type": "string",
        "enum": [
          "response",
          "resolution"
        ]
      },
      "SlaTimerStatus": {
        "type": "string",
        "enum": [
          "running",
          "paused",
          "at_risk",
          "breached",
          "met",
          "canceled"
        ]
      },
      "SlaExplanationEntry": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "at",
          "event"
        ],
        "properties": {
          "at": {
            "$ref": "#/components/schemas/DateTime"
          },
          "event": {
            "type": "string",
            "enum": [
              "started",
              "paused",
              "resumed",
              "stopped"
            ]
          },
          "state": {
            "type": "string"
          },
          "seq": {
            "type": "integer"
          }
        }
      },
      "SlaTimerCycle": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "startedAt",
          "stoppedAt",
          "elapsed",
          "status",
          "dueAt",
          "thresholdsCrossed",
          "pauses",
          "explanation"
        ],
        "properties": {
          "startedAt": {
            "$ref": "#/components/schemas/DateTime"
          },
          "stoppedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "elapsed": {
            "type": "number",
            "description": "Business milliseconds",
            "pauses excluded.": null
          },
          "status": {
            "$ref": "#/components/schemas/SlaTimerStatus"
          },
          "dueAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "breachedAt": {
            "type": "string",
            "format": "date-time",
            "description": "Breached cycles: when the running time reached the target."
          },
          "thresholdsCrossed": {
            "type": "array",
            "items": {
              "type": "number"
            }
          },
          "pauses": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "start",
                "end"
              ],
              "properties": {
                "start": {
                  "$ref": "#/components/schemas/DateTime"
                },
                "end": {
                  "type": [
                    "string",
                    "null"
                  ],
                  "format": "date-time"
                }
              }
            }
          },
          "explanation": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaExplanationEntry"
            }
          }
        }
      },
      "SlaTimer": {
        "type": "object",
        "additionalProperties": false,
        "description": "A timer derived from the timeline; top-level fields describe the current cycle.",
        "required": [
          "metric",
          "target",
          "elapsed",
          "status",
          "dueAt",
          "thresholdsCrossed",
          "cycles",
          "explanation"
        ],
        "properties": {
          "metric": {
            "$ref": "#/components/schemas/SlaMetric"
          },
          "target": {
            "type": "number",
            "description": "Target in business milliseconds of the policy's calendar."
          },
          "elapsed": {
            "type": "number"
          },
          "status": {
            "$ref": "#/components/schemas/SlaTimerStatus"
          },
          "dueAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "thresholdsCrossed": {
            "type": "array",
            "items": {
              "type": "number"
            }
          },
          "cycles": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaTimerCycle"
            }
          },
          "explanation": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaExplanationEntry"
            }
          }
        }
      },
      "RecordSla": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "policy",
          "timers",
          "evaluatedAt"
        ],
        "properties": {
          "policy": {
            "oneOf": [
              {
                "type": "null"
              },
              {
                "type": "object",
                "additionalProperties": false,
                "required": [
                  "name",
                  "calendar",
                  "targets",
                  "warningThresholds",
                  "pauseStates"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "calendar": {
                    "type": "string"
                  },
                  "targets": {
                    "type": "object",
                    "additionalProperties": false,
                    "properties": {
                      "response": {
                        "type": "string"
                      },
                      "resolution": {
                        "type": "string"
                      }
                    }
                  },
                  "warningThresholds": {
                    "type": "array",
                    "items": {
                      "type": "number"
                    }
                  },
                  "pauseStates": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            ]
          },
          "timers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaTimer"
            }
          },
          "evaluatedAt": {
            "$ref": "#/components/schemas/DateTime"
          }
        }
      },
      "SlaTimerSummary": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "recordId",
          "number",
          "kind",
          "title",
          "state",
          "priority",
          "entityRef",
          "assignee",
          "assignmentGroup",
          "metric",
          "cycle",
          "policyName",
          "status",
          "target",
          "elapsed",
          "startedAt",
          "stoppedAt",
          "dueAt",
          "breachedAt",
          "evaluatedAt"
        ],
        "properties": {
          "recordId": {
            "type": "string"
          },
          "number": {
            "type": "string"
          },
          "kind": {
            "$ref": "#/components/schemas/RecordKind"
          },
          "title": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "priority": {
            "$ref": "#/components/schemas/Priority"
          },
          "entityRef": {
            "$ref": "#/components/schemas/EntityRef"
          },
          "assignee": {
            "type": [
              "string",
              "null"
            ]
          },
          "assignmentGroup": {
            "type": [
              "string",
              "null"
            ]
          },
          "metric": {
            "$ref": "#/components/schemas/SlaMetric"
          },
          "cycle": {
            "type": "integer"
          },
          "policyName": {
            "type": "string"
          },
          "status": {
            "$ref": "#/components/schemas/SlaTimerStatus"
          },
          "target": {
            "type": "number"
          },
          "elapsed": {
            "type": "number"
          },
          "startedAt": {
            "$ref": "#/components/schemas/DateTime"
          },
          "stoppedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "dueAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "breachedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "evaluatedAt": {
            "$ref": "#/components/schemas/DateTime"
          }
        }
      },
      "SlaTimerPage": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "items"
        ],
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaTimerSummary"
            }
          },
          "nextCursor": {
            "type": "string"
          }
        }
      },
      "SlaCompliance": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "met",
          "breached",
          "compliance"
        ],
        "properties": {
          "met": {
            "type": "integer"
          },
          "breached": {
            "type": "integer"
          },
          "compliance": {
            "type": [
              "number",
              "null"
            ],
            "description": "met / (met + breached); null when nothing was measured."
          }
        }
      },
      "SlaSummary": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "compliance30",
          "compliance90",
          "openBreaches",
          "openBreachCount",
          "atRisk",
          "atRiskCount",
          "mttaMs",
          "mttrMs",
          "trend"
        ],
        "properties": {
          "compliance30": {
            "$ref": "#/components/schemas/SlaCompliance"
          },
          "compliance90": {
            "$ref": "#/components/schemas/SlaCompliance"
          },
          "openBreaches": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaTimerSummary"
            }
          },
          "openBreachCount": {
            "type": "integer"
          },
          "atRiskCount": {
            "type": "integer"
          },
          "atRisk": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SlaTimerSummary"
            }
          },
          "mttaMs": {
            "type": [
              "number",
              "null"
            ]
          },
          "mttrMs": {
            "type": [
              "number",
              "null"
            ]
          },
          "trend": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "weekStart",
                "met",
                "breached",
                "compliance"
              ],
              "properties": {
                "weekStart": {
                  "$ref": "#/components/schemas/DateTime"
                },
                "met": {
                  "type": "integer"
                },
                "breached": {
                  "type": "integer"
                },
                "compliance": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "SlaComplianceReport": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "groupBy",
          "days",
          "rows",
          "changeSuccess"
        ],
        "properties": {
          "groupBy": {
            "type": "string",
            "enum": [
              "group",
              "system"
            ]
          },
          "days": {
            "type": "integer"
          },
          "rows": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "key",
                "met",
                "breached",
                "compliance",
                "openBreaches",
                "atRisk",
                "mttaMs",
                "mttrMs"
              ],
              "properties": {
                "key": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "met": {
                  "type": "integer"
                },
                "breached": {
                  "type": "integer"
                },
                "compliance": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "openBreaches": {
                  "type": "integer"
                },
                "atRisk": {
                  "type": "integer"
                },
                "mttaMs": {
                  "type": [
                    "number",
                    "null"
                  ]
                },
                "mttrMs": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          },
          "changeSuccess": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "key",
                "closed",
                "successful",
                "successfulWithIssues",
                "unsuccessful",
                "backedOut",
                "successRate"
              ],
              "properties": {
                "key": {
                  "type": [
                    "string",
                    "null"
                  ]
                },
                "closed": {
                  "type": "integer"
                },
                "successful": {
                  "type": "integer"
                },
                "successfulWithIssues": {
                  "type": "integer"
                },
                "unsuccessful": {
                  "type": "integer"
                },
                "backedOut": {
                  "type": "integer"
                },
                "successRate": {
                  "type": [
                    "number",
                    "null"
                  ]
                }
              }
            }
          }
        }
      },
      "Error": {
        "type": "object",
        "required": [
          "error",
          "response"
        ],
        "properties": {
          "error": {
            "type": "object",
            "required": [
              "name",
              "message"
            ],
            "properties": {
              "name": {
                "type": "string"
              },
              "message": {
                "type": "string"
              }
            }
          },
          "response": {
            "type": "object",
            "required": [
              "statusCode"
            ],
            "properties": {
              "statusCode": {
                "type": "integer"
              }
            }
          }
        }
      }
    },
    "responses": {
      "Error": {
        "description": "An error, in Backstage's error body.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    }
  },
  "paths": {
    "/incidents": {
      "get": {
        "operationId": "listIncidents",
        "description": "Incidents, newest first, filtered and keyset-paginated.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRefFilter"
          },
          {
            "name": "state",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/IncidentState"
              }
            }
          },
          {
            "$ref": "#/components/parameters/openFilter"
          },
          {
            "name": "priority",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Priority"
              }
            }
          },
          {
            "$ref": "#/components/parameters/assigneeFilter"
          },
          {
            "$ref": "#/components/parameters/requesterFilter"
          },
          {
            "$ref": "#/components/parameters/assignmentGroupFilter"
          },
          {
            "$ref": "#/components/parameters/textFilter"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of incidents.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/IncidentPage"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "createIncident",
        "description": "Opens an incident; the requester is the calling user and the assignment group defaults to the owner of the CI.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateIncident"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The created incident.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}": {
      "get": {
        "operationId": "getIncident",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The incident.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "patch": {
        "operationId": "updateIncident",
        "description": "Changes fields; `version` must be the one read (409 when stale).",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateIncident"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated incident.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/transitions": {
      "post": {
        "operationId": "transitionIncident",
        "description": "Moves the incident to another state, subject to the workflow's guards.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IncidentTransition"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident in its new state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/comments": {
      "post": {
        "operationId": "addIncidentComment",
        "description": "A comment (visible to the requester) or a work note (internal).",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewComment"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The timeline entry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineEntry"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/timeline": {
      "get": {
        "operationId": "getIncidentTimeline",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The incident's timeline, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Timeline"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes": {
      "get": {
        "operationId": "listChanges",
        "description": "Changes, newest first, filtered and keyset-paginated.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRefFilter"
          },
          {
            "name": "state",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/ChangeState"
              }
            }
          },
          {
            "$ref": "#/components/parameters/openFilter"
          },
          {
            "name": "type",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/ChangeType"
              }
            }
          },
          {
            "$ref": "#/components/parameters/assigneeFilter"
          },
          {
            "$ref": "#/components/parameters/requesterFilter"
          },
          {
            "$ref": "#/components/parameters/assignmentGroupFilter"
          },
          {
            "$ref": "#/components/parameters/textFilter"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of changes.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChangePage"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "createChange",
        "description": "Raises a change in draft; the requester is the calling user and the assignment group defaults to the owner of the CI.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateChange"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The created change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}": {
      "get": {
        "operationId": "getChange",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "patch": {
        "operationId": "updateChange",
        "description": "Changes fields; the plan (CIs, type, risk, window, plans) only in draft and assess. `version` must be the one read (409 when stale).",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateChange"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated change.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/transitions": {
      "post": {
        "operationId": "transitionChange",
        "description": "Moves the change to another state. Entering authorize computes the approval steps from the catalog and the approval policy.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ChangeTransition"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The change in its new state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/approvals": {
      "get": {
        "operationId": "getChangeApprovals",
        "description": "Every approval step of every round, oldest round first.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The approval steps.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApprovalSteps"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "decideChangeApproval",
        "description": "Approves or rejects an open step. 403 when the caller is the requester or not a member of the step's groups; 409 when the step is already decided.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DecideApproval"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The change after the decision.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Change"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/conflicts": {
      "get": {
        "operationId": "getChangeConflicts",
        "description": "Scheduled or implementing changes whose windows overlap this one and whose CIs meet this one's CIs or their catalog dependencies; and the freeze windows it falls into.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "Conflicts and freezes.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChangeConflicts"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/incidents": {
      "get": {
        "operationId": "getChangeIncidents",
        "description": "Incidents linked as caused by this change.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The linked incidents.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LinkedIncidents"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/comments": {
      "post": {
        "operationId": "addChangeComment",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewComment"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The timeline entry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineEntry"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/timeline": {
      "get": {
        "operationId": "getChangeTimeline",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The change's timeline, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Timeline"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/change-calendar": {
      "get": {
        "operationId": "getChangeCalendar",
        "description": "Changes whose planned window meets [from, to), and the freeze windows in that range.",
        "parameters": [
          {
            "name": "from",
            "in": "query",
            "allowReserved": true,
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/DateTime"
            }
          },
          {
            "name": "to",
            "in": "query",
            "allowReserved": true,
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/DateTime"
            }
          },
          {
            "$ref": "#/components/parameters/entityRefFilter"
          },
          {
            "name": "assignmentGroup",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "state",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/ChangeState"
              }
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The calendar.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ChangeCalendar"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/impact": {
      "get": {
        "operationId": "getIncidentImpact",
        "description": "The blast radius of the incident's CIs, computed from the catalog now (over dependencyOf, partOf, providesApi and apiConsumedBy; bounded by itsm.impact), over what the caller may see.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The impacted entities, each with the way it is impacted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BlastRadius"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/impact": {
      "get": {
        "operationId": "getChangeImpact",
        "description": "The blast radius of the change's CIs, computed from the catalog now (over dependencyOf, partOf, providesApi and apiConsumedBy; bounded by itsm.impact), over what the caller may see.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The impacted entities, each with the way it is impacted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BlastRadius"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/impact": {
      "get": {
        "operationId": "getProblemImpact",
        "description": "The blast radius of the problem's CIs, computed from the catalog now (over dependencyOf, partOf, providesApi and apiConsumedBy; bounded by itsm.impact), over what the caller may see.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The impacted entities, each with the way it is impacted.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BlastRadius"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/major": {
      "post": {
        "operationId": "decideMajorIncident",
        "description": "Proposes the incident as a major incident, or accepts (it becomes P1) or rejects the proposal.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/MajorIncidentDecision"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The incident.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/children": {
      "get": {
        "operationId": "listChildIncidents",
        "description": "The child incidents of a major incident that the caller may read.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The children, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LinkedIncidents"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "linkChildIncident",
        "description": "Links an incident as a child of this major incident (its timeline says so).",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LinkIncident"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The child incident.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/children/{incident}": {
      "delete": {
        "operationId": "unlinkChildIncident",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          },
          {
            "name": "incident",
            "in": "path",
            "required": true,
            "description": "The child's id or number.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The former child incident.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Incident"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/stakeholder-updates": {
      "post": {
        "operationId": "postStakeholderUpdate",
        "description": "A stakeholder update on a major incident; on its timeline and sent to the owners of what it impacts.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/StakeholderUpdate"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The timeline entry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineEntry"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/major-incidents": {
      "get": {
        "operationId": "listMajorIncidents",
        "description": "Open accepted major incidents the caller may read, each with its latest stakeholder update; with entityRef, only those whose CIs or blast radius include the entity.",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The banners.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MajorIncidentBanners"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/alerts/alertmanager": {
      "post": {
        "operationId": "receiveAlertmanagerAlerts",
        "description": "Prometheus Alertmanager webhook. For machine callers with a Backstage external\naccess token (backend.auth.externalAccess); a user token is a 403. A firing alert\nopens an incident on the entity its labels name, or adds to the open incident with\nits fingerprint; the answer says what became of each alert.\n",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AlertmanagerPayload"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What became of each alert.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AlertResults"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/alerts/grafana": {
      "post": {
        "operationId": "receiveGrafanaAlerts",
        "description": "Grafana alerting webhook; as /alerts/alertmanager.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/GrafanaPayload"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "What became of each alert.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AlertResults"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/search/documents": {
      "get": {
        "operationId": "listSearchDocuments",
        "description": "The records of one kind as search documents, oldest first, for the search\ncollator (`@backstage-itsm/plugin-search-backend-module-itsm`). For service\ncallers only (a user's token is a 403): the search backend filters what it finds\nby each kind's read permission, per record.\n",
        "parameters": [
          {
            "name": "kind",
            "in": "query",
            "allowReserved": true,
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/RecordKind"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of search documents.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SearchDocumentPage"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/gates": {
      "get": {
        "operationId": "checkDeployGate",
        "description": "Whether a deploy of the entity may go now, for CI/CD with a Backstage external\naccess token (a user's token is a 403). Allowed when a change on it is in\nimplement, or scheduled with its window open now (a standard change not in a\nfreeze); without a change only when itsm.gates.allowWithoutChange is set and no\nfreeze is in force. Denied with the reason otherwise. The check is recorded on\nthe timeline of the change the answer rests on.\n",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "required": true,
            "description": "A full entity ref, or a name meaning a component in the default namespace.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 255
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The gate's answer (allowed or not, and why).",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/GateDecision"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/my-work": {
      "get": {
        "operationId": "getMyWork",
        "description": "The caller's queues with live counts (assigned to them, to their groups, waiting for their approval, to fulfil, breaching soon), over what they may read.",
        "responses": {
          "200": {
            "description": "The counts.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/MyWork"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/approvals/pending": {
      "get": {
        "operationId": "getMyPendingApprovals",
        "description": "Open approval steps the caller may decide (member of an eligible group, not the requester), oldest first.",
        "responses": {
          "200": {
            "description": "Waiting for my approval.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApprovalQueue"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests": {
      "get": {
        "operationId": "listRequests",
        "description": "Service requests, newest first, filtered and keyset-paginated.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRefFilter"
          },
          {
            "name": "offeringRef",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "state",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/RequestState"
              }
            }
          },
          {
            "$ref": "#/components/parameters/openFilter"
          },
          {
            "$ref": "#/components/parameters/assigneeFilter"
          },
          {
            "$ref": "#/components/parameters/requesterFilter"
          },
          {
            "$ref": "#/components/parameters/assignmentGroupFilter"
          },
          {
            "$ref": "#/components/parameters/textFilter"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of requests.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceRequestPage"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "createRequest",
        "description": "Orders from a service offering. The parameters are validated against the offering's JSON Schema (400 naming the field, nothing stored); approval follows the offering.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateServiceRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The request, awaiting approval or approved.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceRequest"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests/{id}": {
      "get": {
        "operationId": "getRequest",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The request.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceRequest"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests/{id}/transitions": {
      "post": {
        "operationId": "transitionRequest",
        "description": "The owner group fulfils (in_fulfillment, then fulfilled with a note) or rejects with a reason; the requester cancels while it is not fulfilled.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/RequestTransition"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The request in its new state.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceRequest"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests/{id}/approvals": {
      "get": {
        "operationId": "getRequestApprovals",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The approval steps.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ApprovalSteps"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "decideRequestApproval",
        "description": "Approves or rejects an open step, with the same rules as for changes.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/DecideApproval"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The request after the decision.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceRequest"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests/{id}/comments": {
      "post": {
        "operationId": "addRequestComment",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewComment"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The timeline entry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineEntry"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests/{id}/timeline": {
      "get": {
        "operationId": "getRequestTimeline",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The request's timeline, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Timeline"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems": {
      "get": {
        "operationId": "listProblems",
        "description": "Problems, newest first, filtered and keyset-paginated.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRefFilter"
          },
          {
            "name": "state",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/ProblemState"
              }
            }
          },
          {
            "$ref": "#/components/parameters/openFilter"
          },
          {
            "name": "knownError",
            "in": "query",
            "allowReserved": true,
            "description": "Only known errors (true) or only problems that are not (false).",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "priority",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/Priority"
              }
            }
          },
          {
            "$ref": "#/components/parameters/assigneeFilter"
          },
          {
            "$ref": "#/components/parameters/requesterFilter"
          },
          {
            "$ref": "#/components/parameters/assignmentGroupFilter"
          },
          {
            "$ref": "#/components/parameters/textFilter"
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of problems.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProblemPage"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "createProblem",
        "description": "Opens a problem, linking the incidents given; the assignment group defaults to the owner of the CI.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/CreateProblem"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The created problem.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}": {
      "get": {
        "operationId": "getProblem",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The problem.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "patch": {
        "operationId": "updateProblem",
        "description": "Changes fields, publishes or withdraws the known error; `version` must be the one read (409 when stale).",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/UpdateProblem"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The updated problem.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/transitions": {
      "post": {
        "operationId": "transitionProblem",
        "description": "Moves the problem to another state, subject to the workflow's guards. Resolving it puts the linked incidents on hold for it back to work.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ProblemTransition"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The moved problem.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/comments": {
      "post": {
        "operationId": "addProblemComment",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/NewComment"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The timeline entry.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TimelineEntry"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/timeline": {
      "get": {
        "operationId": "getProblemTimeline",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The problem's timeline, oldest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Timeline"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/sla": {
      "get": {
        "operationId": "getProblemSla",
        "description": "The SLA policy that applies and the timers, derived from the timeline now.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The record's SLA.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordSla"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/incidents": {
      "get": {
        "operationId": "getProblemIncidents",
        "description": "The incidents linked to the problem that the caller may read.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The linked incidents.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LinkedIncidents"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "post": {
        "operationId": "linkProblemIncident",
        "description": "Links an incident to the problem (409 when it is linked to another problem).",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/LinkIncident"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The problem with its new incident count.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/incidents/{incident}": {
      "delete": {
        "operationId": "unlinkProblemIncident",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          },
          {
            "name": "incident",
            "in": "path",
            "required": true,
            "description": "The incident's id or number.",
            "schema": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The problem with its new incident count.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problems/{id}/changes": {
      "get": {
        "operationId": "getProblemChanges",
        "description": "The changes raised to fix the problem that the caller may read.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The fix changes.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LinkedChanges"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/known-errors": {
      "get": {
        "operationId": "listKnownErrors",
        "description": "Open known errors of a CI and of the CIs it depends on (catalog dependsOn), with their workarounds.",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "required": true,
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "dependencies",
            "in": "query",
            "allowReserved": true,
            "description": "Include the known errors of the CIs it depends on (default true).",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The known errors, newest first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/KnownErrors"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problem-kpis": {
      "get": {
        "operationId": "getProblemKpis",
        "description": "Open problems, known errors, the share of the last 90 days' incidents linked to a problem and the median age of open problems, for a CI or the organisation (what the caller may read).",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRefFilter"
          }
        ],
        "responses": {
          "200": {
            "description": "The KPIs.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProblemKpis"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/problem-candidates": {
      "get": {
        "operationId": "listProblemCandidates",
        "description": "CIs with at least itsm.problems.candidates.minIncidents incidents in the last days that are linked to no problem.",
        "parameters": [
          {
            "$ref": "#/components/parameters/entityRefFilter"
          }
        ],
        "responses": {
          "200": {
            "description": "The candidates, most incidents first.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ProblemCandidates"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/incidents/{id}/sla": {
      "get": {
        "operationId": "getIncidentSla",
        "description": "The SLA policy that applies and the timers, derived from the timeline now.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The record's SLA.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordSla"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/changes/{id}/sla": {
      "get": {
        "operationId": "getChangeSla",
        "description": "The SLA policy that applies and the timers, derived from the timeline now.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The record's SLA.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordSla"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/requests/{id}/sla": {
      "get": {
        "operationId": "getRequestSla",
        "description": "The SLA policy that applies and the timers, derived from the timeline now.",
        "parameters": [
          {
            "$ref": "#/components/parameters/recordId"
          }
        ],
        "responses": {
          "200": {
            "description": "The record's SLA.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RecordSla"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/sla/summary": {
      "get": {
        "operationId": "getSlaSummary",
        "description": "Compliance over 30 and 90 days, open breaches, at-risk timers, MTTA, MTTR and the weekly trend of a scope (default the whole organisation), over the records the caller may read.",
        "parameters": [
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "description": "Records with this CI (primary or affected).",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "group",
            "in": "query",
            "allowReserved": true,
            "description": "Records assigned to this group.",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "system",
            "in": "query",
            "allowReserved": true,
            "description": "Records whose primary CI is (part of) this system.",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The scope's SLA.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SlaSummary"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/sla/compliance": {
      "get": {
        "operationId": "getSlaCompliance",
        "description": "Compliance by assignment group or by system over a period, worst first, with the change success rate from close codes.",
        "parameters": [
          {
            "name": "groupBy",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "enum": [
                "group",
                "system"
              ],
              "default": "group"
            }
          },
          {
            "name": "days",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 366,
              "default": 30
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The report.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SlaComplianceReport"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/sla/timers": {
      "get": {
        "operationId": "listSlaTimers",
        "description": "Stored timer cycles with their records, for drill-down, newest first (keyset-paginated).",
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "allowReserved": true,
            "style": "form",
            "explode": true,
            "schema": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/SlaTimerStatus"
              }
            }
          },
          {
            "name": "entityRef",
            "in": "query",
            "allowReserved": true,
            "description": "Records with this CI (primary or affected).",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "group",
            "in": "query",
            "allowReserved": true,
            "description": "Records assigned to this group.",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "system",
            "in": "query",
            "allowReserved": true,
            "description": "Records whose primary CI is (part of) this system.",
            "schema": {
              "$ref": "#/components/schemas/EntityRef"
            }
          },
          {
            "name": "days",
            "in": "query",
            "allowReserved": true,
            "description": "Only timers started, stopped or due within this many days.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 366
            }
          },
          {
            "name": "open",
            "in": "query",
            "allowReserved": true,
            "description": "Only timers still running or paused.",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "$ref": "#/components/parameters/limit"
          },
          {
            "name": "cursor",
            "in": "query",
            "allowReserved": true,
            "schema": {
              "type": "string",
              "maxLength": 512
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of timers.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SlaTimerPage"
                }
              }
            }
          },
          "default": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  }
} as const;
