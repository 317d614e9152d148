"""Schemathesis hooks for the alaqat API (loaded through SCHEMATHESIS_HOOKS by schemathesis.sh).

POST /api/ingest takes JSON Lines (application/x-ndjson), which Schemathesis cannot serialize
by itself. The OpenAPI document describes the body as an array of document objects, each of
which goes on a line of its own; anything else generated for that body (negative cases) is
sent as it is, so the server still sees malformed input.
"""

import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def json_lines(ctx, value):
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    if isinstance(value, list):
        return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in value).encode("utf-8", "surrogatepass")
    return (json.dumps(value, ensure_ascii=False) + "\n").encode("utf-8", "surrogatepass")
