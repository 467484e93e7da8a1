"""The OpenAPI 3.0 document of /api/v1, built from the same vocabulary the API checks against."""

from app.i18n import LOCALES
from catalog.cards import HEADINGS as CARD_HEADINGS
from catalog.csvformat import ISO_639_1
from catalog.query import MAX_PAGE, MAX_RADIUS_KM, MAX_TEXT, ORDERS
from catalog.vocabulary import ACCESSIBILITY, GRADE_CODES, NEEDS, PROGRAM_CODES, SCHOOL_BUS, SECTORS

NULLABLE_STRING = {"type": "string", "nullable": True}
NO_NUL = "^[^\\u0000]*$"  # U+0000 is refused (400) anywhere in a URL: PostgreSQL cannot store it
GRADE = {"type": "string", "enum": list(GRADE_CODES.values())}

LANG = {
    "name": "lang",
    "in": "query",
    "description": "Language of labels and free text: " + ", ".join(LOCALES) + " (browser tags like zh-TW are mapped).",
    "schema": {"type": "string", "enum": list(LOCALES)},
}

PROGRAM = {
    "type": "object",
    "required": ["kind", "code", "language", "label"],
    "properties": {
        "kind": {"type": "string", "enum": ["sped", "ell", "world_language"]},
        "code": {"type": "string", "enum": sorted(PROGRAM_CODES)},
        "language": NULLABLE_STRING,
        "label": {"type": "string"},
    },
}

SERVICES = {
    "type": "object",
    "required": ["stated", "students", "label"],
    "properties": {
        "stated": {
            "type": "boolean",
            "description": "The listing states its programs of this kind, or that it has none; false is not stated, never no.",
        },
        "students": {"type": "integer", "nullable": True, "description": "Students served, as the source counts them."},
        "label": {"type": "string"},
    },
}

SCHOOL_SUMMARY_PROPERTIES = {
    "id": {"type": "string"},
    "name": {"type": "string"},
    "sector": {"type": "string", "enum": list(SECTORS)},
    "sector_label": {"type": "string"},
    "grades": {
        "type": "object",
        "required": ["low", "high", "offered"],
        "properties": {
            "low": GRADE,
            "high": GRADE,
            "offered": {"type": "array", "items": GRADE, "description": "Every grade offered: CPS's PK,9-12 is PK, 9, 10, 11, 12."},
        },
    },
    "grades_label": {"type": "string"},
    "address": {"type": "string"},
    "zip": {"type": "string"},
    "lat": {"type": "number", "nullable": True},
    "lon": {"type": "number", "nullable": True},
    "location_approximate": {"type": "boolean", "description": "Location is the centre of the school's ZIP code."},
    "distance_km": {"type": "number", "nullable": True},
    "programs": {"type": "array", "items": PROGRAM},
    "special_education": SERVICES,
    "english_learners": SERVICES,
    "school_bus": {"type": "string", "enum": list(SCHOOL_BUS)},
    "school_bus_label": {"type": "string"},
    "transit": {"type": "object", "properties": {"bus": NULLABLE_STRING, "rail": NULLABLE_STRING}},
    "summary": NULLABLE_STRING,
    "summary_locale": NULLABLE_STRING,
    "card": {
        "type": "array",
        "description": "The school's card, as the kiosk and the SMS bot show it: each fact the listing states, in order,"
        " headed and labelled in the requested language.",
        "items": {
            "type": "object",
            "required": ["key", "heading", "text"],
            "properties": {
                "key": {"type": "string", "enum": list(CARD_HEADINGS)},
                "heading": {"type": "string"},
                "text": {"type": "string"},
                "locale": {"type": "string", "description": "The text's language, when it is not yet translated."},
            },
        },
    },
    "url": {"type": "string"},
}

TEXT = {
    "type": "object",
    "required": ["text", "locale", "stale"],
    "properties": {"text": NULLABLE_STRING, "locale": NULLABLE_STRING, "stale": {"type": "boolean"}},
}

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {"status": {"type": "integer"}, "parameter": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


def _query(name: str, description: str, schema: dict, **extra) -> dict:
    """A search parameter; given empty (`grade=`, as an HTML form sends an unset field) it is not given."""
    return {"name": name, "in": "query", "description": description, "schema": schema, "allowEmptyValue": True, **extra}


def openapi_document(server_url: str) -> dict:
    """Return the OpenAPI document, with `server_url` as its one server."""
    search_parameters = [
        _query("grade", "A grade the school must offer: PK, K, 1..12.", GRADE),
        _query(
            "near",
            "A known 5-digit US ZIP code, or `latitude,longitude` in decimal degrees on the globe (not 0,0).",
            {"type": "string", "pattern": NO_NUL, "example": "60637"},
        ),
        _query(
            "radius_km",
            "Only schools within this many km of `near` (needs `near`).",
            {"type": "number", "exclusiveMinimum": True, "minimum": 0, "maximum": MAX_RADIUS_KM},
        ),
        _query("sector", "District or charter schools only.", {"type": "string", "enum": list(SECTORS)}),
        {
            "name": "need",
            "in": "query",
            "description": "A need the school must meet; repeat for several (all must be met).",
            "schema": {"type": "array", "items": {"type": "string", "enum": list(NEEDS)}},
            "style": "form",
            "explode": True,
        },
        _query("program", "A program code from the vocabulary.", {"type": "string", "enum": sorted(PROGRAM_CODES)}),
        _query(
            "language", "ISO 639-1 language of a program (dual language, world language, …).", {"type": "string", "enum": sorted(ISO_639_1)}
        ),
        _query(
            "q",
            "Text to find in names and addresses, case and accents ignored.",
            {"type": "string", "maxLength": MAX_TEXT, "pattern": NO_NUL},
        ),
        _query(
            "order",
            "`distance` (needs `near`; the default with it), `neutral` (a seeded shuffle, the default) or `name`.",
            {"type": "string", "enum": list(ORDERS)},
        ),
        _query(
            "seed",
            "Seed of the neutral order; the same seed gives the same order. Defaults to today's date.",
            {"type": "integer", "minimum": 0, "maximum": 2**31 - 1},
        ),
        LANG,
        _query("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
        _query("per_page", "Results per page.", {"type": "integer", "minimum": 1, "maximum": 100}),
    ]
    error_response = {
        "description": "A parameter is wrong; `error.parameter` names it.",
        "content": {"application/json": {"schema": ERROR}},
    }
    common_errors = {
        "413": {"description": "The request's body is larger than the server takes.", "content": {"application/json": {"schema": ERROR}}},
        "414": {"description": "The URL is longer than the server reads (answered by the HTTP server, not always JSON)."},
        "503": {
            "description": "The catalog is busy or unreachable for a moment; try again after `Retry-After` seconds.",
            "headers": {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": ERROR}},
        },
    }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "SchoolBridge catalog API",
            "version": "1.0.0",
            "description": "Every public school of the city, district and charter alike, with special-education, English-learner and transport facts.",
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/api/v1/schools": {
                "get": {
                    "operationId": "searchSchools",
                    "summary": "Search schools",
                    "parameters": search_parameters,
                    "responses": {
                        "200": {
                            "description": "A page of matching schools, each with why it matched.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["total", "page", "per_page", "not_stated", "relaxations", "results"],
                                        "properties": {
                                            "total": {"type": "integer"},
                                            "not_stated": {
                                                "type": "object",
                                                "description": "For each need asked for, and `program` for a special-education or English-learner program: per sector, how many schools have not stated it and would otherwise match (every other filter; each other need asked for offered or not stated either). Not stated is not no.",
                                                "additionalProperties": {"type": "object", "additionalProperties": {"type": "integer"}},
                                            },
                                            "relaxations": {
                                                "type": "array",
                                                "description": "When nothing matched: the one filter whose dropping finds the most, then the nearest wider radius that finds any.",
                                                "items": {
                                                    "type": "object",
                                                    "required": ["total"],
                                                    "properties": {
                                                        "drop": {"type": "string"},
                                                        "radius_km": {"type": "number"},
                                                        "total": {"type": "integer"},
                                                    },
                                                },
                                            },
                                            "read_as": {
                                                "type": "string",
                                                "nullable": True,
                                                "description": "The catalog's words a misspelt `q` was read as (kenwod → kenwood).",
                                            },
                                            "another_state": {
                                                "type": "object",
                                                "nullable": True,
                                                "description": "When `near` is a ZIP code in a state none of the schools is in: that state, the schools' states, and a label saying a public school may admit only students who live in its city or state.",
                                                "required": ["zip", "state", "schools_in", "label"],
                                                "properties": {
                                                    "zip": {"type": "string"},
                                                    "state": {"type": "string"},
                                                    "schools_in": {"type": "array", "items": {"type": "string"}},
                                                    "label": {"type": "string"},
                                                },
                                            },
                                            "page": {"type": "integer"},
                                            "per_page": {"type": "integer"},
                                            "order": {"type": "string", "enum": list(ORDERS)},
                                            "seed": {"type": "integer"},
                                            "results": {
                                                "type": "array",
                                                "items": {
                                                    "type": "object",
                                                    "required": list(SCHOOL_SUMMARY_PROPERTIES) + ["matched"],
                                                    "properties": {
                                                        **SCHOOL_SUMMARY_PROPERTIES,
                                                        "matched": {
                                                            "type": "array",
                                                            "items": {
                                                                "type": "object",
                                                                "required": ["kind", "label"],
                                                                "properties": {"kind": {"type": "string"}, "label": {"type": "string"}},
                                                            },
                                                        },
                                                    },
                                                },
                                            },
                                        },
                                    }
                                }
                            },
                        },
                        "400": error_response,
                        **common_errors,
                    },
                }
            },
            "/api/v1/schools/{school_id}": {
                "get": {
                    "operationId": "getSchool",
                    "summary": "One school's full record",
                    "parameters": [
                        {"name": "school_id", "in": "path", "required": True, "schema": {"type": "string", "pattern": NO_NUL}},
                        LANG,
                    ],
                    "responses": {
                        "200": {
                            "description": "The school.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": list(SCHOOL_SUMMARY_PROPERTIES),
                                        "properties": {
                                            **SCHOOL_SUMMARY_PROPERTIES,
                                            "accessibility": {"type": "string", "enum": list(ACCESSIBILITY)},
                                            "rating": {
                                                "type": "object",
                                                "nullable": True,
                                                "properties": {"value": {"type": "string"}, "source": {"type": "string"}},
                                            },
                                            "texts": {"type": "object", "properties": {"summary": TEXT, "how_to_apply": TEXT}},
                                        },
                                    }
                                }
                            },
                        },
                        "400": error_response,
                        "404": {"description": "No school has this id.", "content": {"application/json": {"schema": ERROR}}},
                        **common_errors,
                    },
                }
            },
        },
    }
