"""SC rules: front matter and data files against the schema."""

from contentlint.rules.schema.sc001_missing_front_matter import MissingFrontMatter
from contentlint.rules.schema.sc002_unterminated_front_matter import (
    UnterminatedFrontMatter,
)
from contentlint.rules.schema.sc003_yaml_syntax_error import YamlSyntaxError
from contentlint.rules.schema.sc004_duplicate_key import DuplicateKey
from contentlint.rules.schema.sc005_unknown_field import UnknownField
from contentlint.rules.schema.sc006_missing_field import MissingField
from contentlint.rules.schema.sc007_wrong_type import WrongType
from contentlint.rules.schema.sc008_invalid_value import InvalidValue
from contentlint.rules.schema.sc009_yaml11_boolean import Yaml11Boolean
from contentlint.rules.schema.sc010_lang_folder_mismatch import LangFolderMismatch
from contentlint.rules.schema.sc011_unsafe_yaml import UnsafeYaml
from contentlint.rules.schema.sc012_slug_filename_mismatch import SlugFilenameMismatch

RULES = (
    MissingFrontMatter,
    UnterminatedFrontMatter,
    YamlSyntaxError,
    DuplicateKey,
    UnknownField,
    MissingField,
    WrongType,
    InvalidValue,
    Yaml11Boolean,
    LangFolderMismatch,
    UnsafeYaml,
    SlugFilenameMismatch,
)
