// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
/* eslint-disable */
export const spec = {
  "openapi": "3.1.0",
  "info": {
    "title": "itsm",
    "version": "1",
    "description": "ITSM records (incidents, later changes and requests) on Backstage catalog entities.\nErrors use Backstage's error body `{ error: { name, message }, response: { statusCode } }`:\nbad input 400 naming the field, unknown ids 404, forbidden acts 403, stale versions and\nillegal transitions 409.\n",
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
          "closedAt"
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
            "minimum": 1
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
            "minimum": 1
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
              "work_note"
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
            "name": "entityRef",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "state",
            "in": "query",
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
            "name": "open",
            "in": "query",
            "description": "Only new, in progress and on hold incidents (ignored when state is given).",
            "schema": {
              "type": "boolean"
            }
          },
          {
            "name": "priority",
            "in": "query",
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
            "name": "assignee",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "requester",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 255
            }
          },
          {
            "name": "assignmentGroup",
            "in": "query",
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
          {
            "name": "q",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 200
            }
          },
          {
            "name": "limit",
            "in": "query",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200
            }
          },
          {
            "name": "cursor",
            "in": "query",
            "schema": {
              "type": "string",
              "maxLength": 500
            }
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
    }
  }
} as const;
