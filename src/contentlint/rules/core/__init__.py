"""CL rules: problems reading files and with suppression comments."""

from contentlint.rules.core.cl001_unreadable_file import UnreadableFile
from contentlint.rules.core.cl002_invalid_encoding import InvalidEncoding
from contentlint.rules.core.cl003_binary_file import BinaryFile
from contentlint.rules.core.cl004_empty_file import EmptyFile
from contentlint.rules.core.cl005_file_too_large import FileTooLarge
from contentlint.rules.core.cl006_markdown_too_deep import MarkdownTooDeep
from contentlint.rules.core.cl010_invalid_suppression import InvalidSuppression
from contentlint.rules.core.cl011_unused_suppression import UnusedSuppression
from contentlint.rules.core.cl900_internal_error import InternalError

RULES = (
    UnreadableFile,
    InvalidEncoding,
    BinaryFile,
    EmptyFile,
    FileTooLarge,
    MarkdownTooDeep,
    InvalidSuppression,
    UnusedSuppression,
    InternalError,
)
