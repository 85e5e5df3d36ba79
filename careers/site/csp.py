"""The Content-Security-Policy (django-csp), enforced: nothing inline, nothing from elsewhere.

Templates carry no inline script or style (JSON-LD is a data block, which CSP leaves alone); the
admin and markdownx's preview work under it (tests/browser/test_csp.py). The settings module
builds ``CONTENT_SECURITY_POLICY`` from it (kept here so the settings stay readable; imports
nothing)."""

_SELF = ("default-src", "script-src", "style-src", "font-src", "connect-src", "base-uri")
DIRECTIVES = {
    **{directive: ["'self'"] for directive in (*_SELF, "form-action")},
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "frame-ancestors": ["'none'"],
}
