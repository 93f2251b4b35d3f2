"""Reading the analyse form, uploads included, entirely in memory.

Starlette spools an uploaded file to the system's temporary folder past 1 MiB; here the parser's spool size
is raised above the request limit (which `BodyLimit` has already enforced), so an upload never touches the
disk, inside the data folder or out of it. The file's name is used for its suffix only, never as a path.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request
from starlette.datastructures import FormData, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser

from selon.errors import InvalidRequestError

UPLOAD_SUFFIXES = {".txt": False, ".text": False, ".html": True, ".htm": True}
#: The analyse form sends text, lang, article and file; a few more are tolerated (a browser's extras), a
#: thousand are an attack on the parser and refused with E051 whatever the encoding of the form.
MAX_FIELDS = 8


@dataclass(frozen=True)
class AnalyseForm:
    text: str
    lang: str | None
    article: str | None
    upload: bytes | None
    upload_is_html: bool | None
    url: str | None = None


def _parser_class(limit: int) -> type[MultiPartParser]:
    return type("InMemoryMultiPartParser", (MultiPartParser,), {"spool_max_size": limit + 1})


async def _form(request: Request, limit: int) -> FormData:
    content_type = request.headers.get("content-type", "")
    parser: MultiPartParser | FormParser
    if content_type.startswith("multipart/form-data"):
        parser = _parser_class(limit)(request.headers, request.stream(), max_files=1, max_fields=MAX_FIELDS,
                                      max_part_size=limit)
    elif content_type.startswith("application/x-www-form-urlencoded"):
        parser = FormParser(request.headers, request.stream(), max_fields=MAX_FIELDS, max_part_size=limit)
    else:
        raise InvalidRequestError("send the form as multipart/form-data or application/x-www-form-urlencoded.")
    try:
        return await parser.parse()
    except MultiPartException as error:
        raise InvalidRequestError(f"unreadable form: {error.message} The analyse form sends text, lang, "
                                  "article and one file.") from None


def _field(form: FormData, name: str) -> str | None:
    value = form.get(name)
    if isinstance(value, str) and value.strip():
        return value.strip() if name != "text" else value
    return None


def _suffix(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[-1] if "." in name else ""


async def read_analyse_form(request: Request, limit: int) -> AnalyseForm:
    form = await _form(request, limit)
    try:
        upload, is_html = None, None
        file = form.get("file")
        if isinstance(file, UploadFile) and file.filename:
            suffix = _suffix(file.filename)
            if suffix not in UPLOAD_SUFFIXES:
                raise InvalidRequestError(f"cannot read a {suffix or 'suffix-less'} file: upload .txt or .html.")
            upload, is_html = await file.read(), UPLOAD_SUFFIXES[suffix]
        return AnalyseForm(_field(form, "text") or "", _field(form, "lang"), _field(form, "article"), upload,
                           is_html, _field(form, "url"))
    finally:
        await form.close()
