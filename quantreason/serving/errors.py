"""Serving errors, each carrying the HTTP status it must be answered with.

A client's mistake is a 4xx, a fault of ours a 500, a full queue or a model still loading a 503.
Every front end (the local HTTP app, the SageMaker toolkit entry point) answers an error with
``error.status`` and the JSON body of :meth:`ServingError.to_json`, so none has to guess.
"""

from __future__ import annotations


class ServingError(Exception):
    """An error with the HTTP status it must be answered with."""

    status = 500
    reason = "Internal Server Error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def to_json(self) -> dict[str, object]:
        """The JSON body of the error response."""
        return {"error": {"status": self.status, "type": self.reason, "message": self.message}}


class BadRequest(ServingError):
    """The client sent something we cannot read or that breaks a rule (400)."""

    status = 400
    reason = "Bad Request"


class NotAcceptable(ServingError):
    """The client asked for a response type other than JSON (406)."""

    status = 406
    reason = "Not Acceptable"


class PayloadTooLarge(ServingError):
    """Body, question or batch over its documented limit (413)."""

    status = 413
    reason = "Payload Too Large"


class UnsupportedMediaType(ServingError):
    """Content type other than ``application/json`` (415)."""

    status = 415
    reason = "Unsupported Media Type"


class InternalError(ServingError):
    """A fault of ours (500): never reported as a client mistake."""

    status = 500
    reason = "Internal Server Error"


class Overloaded(ServingError):
    """The bounded queue is full or the model is not loaded yet (503): retry later."""

    status = 503
    reason = "Service Unavailable"
