"""Errors a person can act on: each carries what went wrong and what to do next."""

from __future__ import annotations


class KBError(Exception):
    """An expected failure. The CLI prints it as one or more lines, no traceback, and exits."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n{self.hint}"


class ConnectionFailed(KBError):
    """Neo4j could not be reached or refused the credentials."""

    exit_code = 2


class UsageError(KBError):
    """The user asked for something that does not exist (an unknown name, id or parameter)."""

    exit_code = 2


class NotFound(UsageError):
    """No record with the id asked for (the panel answers 404)."""
