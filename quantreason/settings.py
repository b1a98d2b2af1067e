"""The one configuration layer: pydantic v2 models, one base class, one error format.

Every hand-kept settings file — training profiles (``config/train``), pipeline profiles
(``config/pipeline``), deployment stages (``config/stages``) — is a :class:`Settings` model:
frozen, unknown keys rejected, scalars typed strictly (YAML's ``true`` is not the integer 1 and
``"ten"`` is not a number). A file with three mistakes fails once, naming all three with their
dotted keys (trl drops unknown keys; torchtune's ``cfg.get`` hides typos: both train with a
default nobody asked for). What the handler and the CLI read from the environment are
``pydantic-settings`` models on :class:`EnvSettings` (prefix ``QUANTREASON_``).

The scalar types below are what settings classes use instead of bare ``int``/``float``/``str``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from typing import Annotated, Any, Self, TypeVar, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Strict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from pydantic_settings.sources.utils import parse_env_vars

ENV_PREFIX = "QUANTREASON_"


def _reject_bool(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("expected a number, got true/false")
    return value  # YAML 1.1 reads "1e-4" (no dot) as a string: pydantic parses it as a number


Int = Annotated[int, Strict()]
Bool = Annotated[bool, Strict()]
Number = Annotated[float, BeforeValidator(_reject_bool)]
Text = Annotated[str, Strict(), StringConstraints(min_length=1)]


class Settings(BaseModel):
    """Base of every settings file's model: frozen, no unknown keys, ``null`` section = defaults."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _null_section_takes_defaults(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        nulls = [
            name
            for name, spec in cls.model_fields.items()
            if data.get(name, ...) is None and _is_settings(spec.annotation)
        ]
        return {**data, **{name: {} for name in nulls}} if nulls else data


_ENVIRON: ContextVar[Mapping[str, str] | None] = ContextVar("quantreason_environ", default=None)


class _MappingEnvSource(EnvSettingsSource):
    """pydantic-settings' environment source over a given mapping instead of ``os.environ``."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        environ = _ENVIRON.get()
        if environ is None:
            return super()._load_env_vars()
        return parse_env_vars(environ, self.case_sensitive, self.env_ignore_empty)


class EnvSettings(BaseSettings):
    """Base of what is read from ``QUANTREASON_*`` environment variables (read once, frozen).

    Fields use plain ``int``/``bool``/``float``: environment values are text, parsed by pydantic
    (``"1"``/``"true"``/``"on"`` for true). A field whose variable is not ``QUANTREASON_<NAME>``
    says so with ``validation_alias``. Build one with :meth:`from_env`: a value that does not
    parse fails with one message naming every bad variable.
    """

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_ignore_empty=True,  # an empty variable means "not set"
        extra="ignore",
        frozen=True,
        populate_by_name=True,
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Arguments first, then the environment (or the mapping given to from_env); no .env
        # files or secrets directories: the containers and the CLI get plain variables.
        return init_settings, _MappingEnvSource(settings_cls)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Self:
        """Read ``environ`` (default ``os.environ``); bad values raise one ``ValueError``."""
        token = _ENVIRON.set(environ)
        try:
            return cls()
        except ValidationError as exc:
            raise ValueError(describe_env(exc, cls)) from None
        finally:
            _ENVIRON.reset(token)

    @classmethod
    def variable(cls, field_name: str) -> str:
        """The environment variable of a field."""
        alias = cls.model_fields[field_name].validation_alias
        return alias if isinstance(alias, str) else f"{ENV_PREFIX}{field_name.upper()}"


def describe_env(exc: ValidationError, cls: type[EnvSettings]) -> str:
    """Problems of an environment read, each named by its variable."""
    # A nested group (read by a default factory) fails with its own class's error.
    owners = [cls, *_subclasses(EnvSettings)]
    cls = next((owner for owner in owners if owner.__name__ == exc.title), cls)
    problems = []
    for item in exc.errors(include_url=False):
        name = str(item["loc"][0]) if item["loc"] else ""
        variable = cls.variable(name) if name in cls.model_fields else name
        message = item["msg"].removeprefix("Value error, ")
        got = f", got {item['input']!r}" if item["type"] != "value_error" else ""
        problems.append(f"{variable}: {message}{got}" if variable else message)
    return "; ".join(problems)


def _subclasses(base: type) -> list[type]:
    found = []
    for sub in base.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


_FLAG = TypeAdapter(bool)


def parse_flag(value: Any, key: str) -> bool:
    """A true/false switch given as text (1/0, true/false, yes/no, on/off), read by pydantic."""
    try:
        return _FLAG.validate_python(value.strip() if isinstance(value, str) else value)
    except ValidationError:
        raise ValueError(f"{key} must be true/false (1/0, yes/no, on/off), got {value!r}") from None


ModelT = TypeVar("ModelT", bound=BaseModel)


def build_settings(
    cls: type[ModelT], raw: Any, where: str, error: type[Exception], **context: Any
) -> ModelT:
    """``cls`` validated from ``raw``; any problem raises ``error("where: key: problem; ...")``."""
    try:
        return cls.model_validate(raw, context=context or None)
    except ValidationError as exc:
        raise error(f"{where}: {describe(exc, cls)}") from None


def describe(exc: ValidationError, cls: type[BaseModel] | None = None) -> str:
    """Every problem of ``exc`` as ``dotted.key: message``, joined by ``; ``."""
    return "; ".join(_problem(item, cls) for item in exc.errors(include_url=False))


def _problem(item: Mapping[str, Any], cls: type[BaseModel] | None) -> str:
    loc: Sequence[Any] = item["loc"]
    key = _dotted(loc)
    kind = item["type"]
    if kind == "extra_forbidden":
        allowed = _allowed_keys(cls, loc[:-1])
        suffix = f" (allowed: {', '.join(allowed)})" if allowed else ""
        return f"{key}: unknown key{suffix}"
    if kind == "invalid_key":
        return f"{item.get('input', loc[-1])!r}: unknown key (keys are names)"
    message = item["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind == "missing":
        message = "missing"
    elif kind not in ("value_error", "assertion_error") and "input" in item:
        message = f"{message}, got {item['input']!r}"
    return f"{key}: {message}" if key else message


def _dotted(loc: Sequence[Any]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not str(part).startswith(("function-", "literal[", "union[")):  # pydantic's tags
            text += f".{part}" if text else str(part)
    return text


def _allowed_keys(cls: type[BaseModel] | None, parent: Sequence[Any]) -> list[str]:
    """Field names of the model found at ``parent`` inside ``cls`` (empty if none)."""
    for part in parent:
        if cls is None or isinstance(part, int):
            return []
        spec = cls.model_fields.get(str(part))
        cls = _settings_class(spec.annotation) if spec else None
    return list(cls.model_fields) if cls is not None else []


def _is_settings(annotation: Any) -> bool:
    """A required section (``X``, not ``X | None``): ``null`` there means its defaults."""
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _settings_class(annotation: Any) -> type[BaseModel] | None:
    """The model class in ``X`` or ``X | None``, else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    models = [a for a in get_args(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
    return models[0] if len(models) == 1 else None
