"""What the OpenAPI schema says besides each endpoint's 200: every status the API answers.

django-ninja documents the 200 (and the 404s written on the decorators); the errors come from
the exception handlers and the limit, for every endpoint alike, so they are added here by rule
rather than repeated on each decorator (a new endpoint gets them without anyone remembering):

* 429 on every operation, with ``Retry-After``: the per-address limit (``careers/api/http.py``)
  and, for ``?q=``, the search budget (``careers/search/throttle.py``);
* 422 on every operation with a parameter: a value of the wrong type or out of range;
* 404 on every operation with a path parameter (no such role, no figures for the year) or a
  ``page`` (past the last page).
"""

ERROR_SCHEMA = {"$ref": "#/components/schemas/Error"}
DESCRIPTIONS = {
    "404": "Böyle bir kayıt yok ya da sayfa son sayfadan sonra.",
    "422": "Geçersiz parametre: türü ya da aralığı yanlış.",
    "429": "Bu adresten çok fazla istek geldi (ya da kısa sürede çok sayıda yeni arama): "
    "Retry-After saniye sonra yeniden deneyin.",
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Yeni bir isteğin kabul edileceği zamana kalan saniye.",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def _error(code):
    answer = {
        "description": DESCRIPTIONS[code],
        "content": {"application/json": {"schema": ERROR_SCHEMA}},
    }
    if code == "429":
        answer["headers"] = RETRY_AFTER
    return answer


def document_errors(schema):
    """``schema`` (django-ninja's OpenAPI dict) with the error answers of every operation."""
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            parameters = operation.get("parameters", [])
            codes = ["429"]
            if parameters:
                codes.append("422")
            if any(p["in"] == "path" or p["name"] == "page" for p in parameters):
                codes.append("404")
            responses = operation.setdefault("responses", {})
            documented = {str(code) for code in responses}  # django-ninja's keys are ints
            for code in codes:
                if code not in documented:
                    responses[code] = _error(code)
    return schema
