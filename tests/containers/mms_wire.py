"""The model server's worker protocol (MMS ``otf_message_handler``), standard library only.

Used both by the tests that run the toolkit in the project's environment
(``tests/inference/test_toolkit.py``) and by the driver that runs it in the inference DLC's
environment (``tests/containers/inference_driver.py``).
"""

from __future__ import annotations

import struct


def _read(buffer: bytes, offset: int) -> tuple[bytes, int]:
    (length,) = struct.unpack_from("!i", buffer, offset)
    offset += 4
    return buffer[offset : offset + length], offset + length


def decode_response(message: bytes) -> tuple[int, bytes]:
    """(HTTP status, body) of a one-request MMS predict response."""
    (code,) = struct.unpack_from("!i", message, 0)
    _, offset = _read(message, 4)  # message text
    _, offset = _read(message, offset)  # request id
    _, offset = _read(message, offset)  # content type
    (http_code,) = struct.unpack_from("!i", message, offset)
    _, offset = _read(message, offset + 4)  # reason phrase
    (n_headers,) = struct.unpack_from("!i", message, offset)
    offset += 4
    for _ in range(2 * n_headers):
        _, offset = _read(message, offset)
    body, _ = _read(message, offset)
    return (http_code if code == 200 else code), body


def request_batch(body: bytes, content_type: str, accept: str) -> list[dict]:
    """One request as the MMS frontend hands it to the worker's ``Service.predict``."""
    return [
        {
            "requestId": b"req-1",
            "parameters": [{"name": "body", "contentType": content_type, "value": body}],
            "headers": [
                {"name": b"Content-Type", "value": content_type.encode()},
                {"name": b"Accept", "value": accept.encode()},
            ],
        }
    ]
